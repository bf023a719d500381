package dev.aftersales.intake.complaint.domain;

import java.time.LocalDate;

/**
 * The machine the call is about, as printed on its nameplate. The serial number links the case to
 * the archive (installation, installer, dealer); model, production date and batch feed the quality
 * loop (faults by model, part and production batch).
 */
public record Machine(String serialNumber, String model, String spec, LocalDate productionDate, String batchNumber) {

    public Machine {
        if (serialNumber == null || serialNumber.isBlank()) {
            throw new IllegalArgumentException("a machine has a serial number");
        }
    }
}
