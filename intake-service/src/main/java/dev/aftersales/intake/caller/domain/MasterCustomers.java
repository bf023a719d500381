package dev.aftersales.intake.caller.domain;

import java.util.List;
import java.util.Optional;

/** Intake's copy of dispatch's customer master, one entry per customer id. */
public interface MasterCustomers {

    Optional<MasterCustomer> find(String customerId);

    /** Stores or replaces the entry; the customer is found by each of their phones, and by no other. */
    default void put(MasterCustomer customer) {
        put(customer, find(customer.customerId()));
    }

    /**
     * As {@link #put(MasterCustomer)}, with the entry as the caller just read it: the phones it had are
     * the keys to drop, and a consumer that read it to decide need not read it again.
     */
    void put(MasterCustomer customer, Optional<MasterCustomer> stored);

    /** The customers, neither merged away nor erased, who have this phone however it is typed. */
    List<MasterCustomer> withPhone(String phone);

    /** Notes that {@code formerCustomerId} was merged into {@code customerId}; a repeat changes nothing. */
    void addFormer(String customerId, String formerCustomerId);

    /** The ids merged directly into {@code customerId}. */
    List<String> formerIdsOf(String customerId);
}
