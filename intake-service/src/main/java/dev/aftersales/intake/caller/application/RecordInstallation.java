package dev.aftersales.intake.caller.application;

import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the archive copy current from dispatch's installation records and their corrections. An
 * entry is replaced only by a newer revision of the record, so a redelivered or replayed event, or
 * an {@code InstallationRecorded} arriving after a correction, changes nothing. Dispatch's events of
 * one machine share a partition, so they arrive in order and never race each other.
 */
@Service
public class RecordInstallation {

    private static final Logger log = LoggerFactory.getLogger(RecordInstallation.class);

    private final MachineArchive archive;

    RecordInstallation(MachineArchive archive) {
        this.archive = archive;
    }

    /** A machine as installed (revision 0): kept unless the archive copy shows a correction already. */
    public void record(InstalledMachine machine) {
        var current = archive.bySerialNumber(machine.serialNumber());
        if (current.isPresent() && current.get().revision() > machine.revision()) {
            log.debug("installation of {} is older than its correction; kept the correction", machine.serialNumber());
            return;
        }
        archive.put(machine);
        log.debug("archived machine {}", machine.serialNumber());
    }

    /**
     * A correction of the machine's record. Unless it corrected the customer, it does not carry the
     * customer's name and phone, so those stay as they were.
     */
    public void correct(InstalledMachine corrected, boolean customerCorrected) {
        var current = archive.bySerialNumber(corrected.serialNumber());
        if (current.isPresent() && current.get().revision() >= corrected.revision()) {
            log.debug("correction {} of {} was applied before", corrected.revision(), corrected.serialNumber());
            return;
        }
        var machine = customerCorrected || current.isEmpty() ? corrected : corrected.withContactOf(current.get());
        archive.put(machine);
        log.debug("machine {} corrected to revision {}", machine.serialNumber(), machine.revision());
    }
}
