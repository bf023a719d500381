package dev.aftersales.intake.caller.application;

import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the archive copy current from dispatch's installation records. Replacing the entry by
 * serial number makes a redelivered record change nothing.
 */
@Service
public class RecordInstallation {

    private static final Logger log = LoggerFactory.getLogger(RecordInstallation.class);

    private final MachineArchive archive;

    RecordInstallation(MachineArchive archive) {
        this.archive = archive;
    }

    public void record(InstalledMachine machine) {
        archive.put(machine);
        log.debug("archived machine {}", machine.serialNumber());
    }
}
