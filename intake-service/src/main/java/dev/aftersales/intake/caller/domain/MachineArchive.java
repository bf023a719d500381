package dev.aftersales.intake.caller.domain;

import java.util.List;
import java.util.Optional;

/** Intake's copy of dispatch's machine archive, one entry per serial number. */
public interface MachineArchive {

    /** Stores or replaces the machine's entry: the latest installation record wins. */
    void put(InstalledMachine machine);

    /**
     * Stores or replaces the entry of exactly this serial number unless it holds a later revision of
     * the record (one read, for the archive stream's consumer).
     *
     * @return false when the stored entry was later and is kept
     */
    boolean putUnlessLater(InstalledMachine machine);

    Optional<InstalledMachine> bySerialNumber(String serialNumber);

    /** The machines whose archive record names this phone, however it is typed. */
    List<InstalledMachine> byPhone(String phone);

    /** The machines whose archive record names exactly this customer id. */
    List<InstalledMachine> byCustomer(String customerId);
}
