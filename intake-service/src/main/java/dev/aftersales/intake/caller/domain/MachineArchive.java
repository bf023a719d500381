package dev.aftersales.intake.caller.domain;

import java.util.List;
import java.util.Optional;

/** Intake's copy of dispatch's machine archive, one entry per serial number. */
public interface MachineArchive {

    /** Stores or replaces the machine's entry: the latest installation record wins. */
    void put(InstalledMachine machine);

    Optional<InstalledMachine> bySerialNumber(String serialNumber);

    List<InstalledMachine> byPhone(String phone);
}
