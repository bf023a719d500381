package dev.aftersales.followup.quality.domain;

import java.util.Optional;

/** Machines by serial number. */
public interface Machines {

    Optional<Machine> find(String serialNumber);

    /** Inserts or saves with the optimistic lock on its version. */
    void save(Machine machine);
}
