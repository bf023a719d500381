package dev.aftersales.intake.caller.application;

import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies dispatch's corrections of an installation record to the archive copy: the n-th correction
 * is revision n, and only a newer revision replaces the entry, so a redelivery or a late replay
 * changes nothing. A machine intake never heard of (an imported one) is archived from its first
 * correction.
 */
@Service
public class CorrectInstallation {

    private static final Logger log = LoggerFactory.getLogger(CorrectInstallation.class);

    private final MachineArchive archive;

    CorrectInstallation(MachineArchive archive) {
        this.archive = archive;
    }

    /**
     * Unless it corrected the customer, a correction does not carry the customer's name and phone
     * (dispatch does not keep them), so those stay as they were.
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
