package dev.aftersales.intake.caller.application;

import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the archive copy current from dispatch's installation records (revision 0). An entry is
 * replaced only by a newer revision of the record, so a redelivered or replayed event, or an {@code
 * InstallationRecorded} arriving after a correction, changes nothing. Dispatch's events of one
 * machine share a partition, so they arrive in order and never race each other.
 */
@Service
public class RecordInstallation {

    private static final Logger log = LoggerFactory.getLogger(RecordInstallation.class);

    private final MachineArchive archive;

    RecordInstallation(MachineArchive archive) {
        this.archive = archive;
    }

    /** A machine as installed: kept unless the archive copy shows a correction already. */
    public void record(InstalledMachine machine) {
        // the serial exactly as dispatch keys it; one read (a bulk import sends thousands a second)
        if (!archive.putUnlessLater(machine)) {
            log.debug("installation of {} is older than its correction; kept the correction", machine.serialNumber());
            return;
        }
        log.debug("archived machine {}", machine.serialNumber());
    }
}
