package dev.aftersales.intake.caller.domain;

import java.util.Optional;

/** Intake's copy of dispatch's customer master, one entry per customer id. */
public interface MasterCustomers {

    Optional<MasterCustomer> find(String customerId);

    void put(MasterCustomer customer);
}
