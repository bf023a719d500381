package dev.aftersales.intake.caller.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A machine of the archive as intake keeps it for caller lookup, copied from dispatch's
 * {@code InstallationRecorded}. Personal data (name, phone, address): shown to the agent, never logged.
 * The warranty's last days come from the archive, which owns the warranty rule (per model, product
 * line or the default); intake only compares them with today.
 *
 * @param wholeMachineWarrantyUntil last day of the whole-machine warranty; null when the archive gave none
 * @param mainPartsWarrantyUntil last day of the main-parts warranty; null when the archive gave none
 * @param revision the archive's correction this copy shows: 0 as installed, n after dispatch's n-th
 *     correction; an older revision never replaces a newer one
 */
public record InstalledMachine(
        String serialNumber,
        String model,
        String productLine,
        String customerId,
        String customerName,
        String customerPhone,
        String address,
        String regionCode,
        String dealerId,
        String installerId,
        LocalDate installedOn,
        LocalDate wholeMachineWarrantyUntil,
        LocalDate mainPartsWarrantyUntil,
        int revision) {

    public InstalledMachine {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(installedOn, "installedOn");
    }

    /** This machine with the customer's name and phone of {@code other} (a correction that did not touch them). */
    public InstalledMachine withContactOf(InstalledMachine other) {
        return new InstalledMachine(
                serialNumber,
                model,
                productLine,
                customerId,
                other.customerName,
                other.customerPhone,
                address,
                regionCode,
                dealerId,
                installerId,
                installedOn,
                wholeMachineWarrantyUntil,
                mainPartsWarrantyUntil,
                revision);
    }

    /** The warranty on {@code today} by the archive's dates; without a date nothing is covered on record. */
    public Warranty warrantyOn(LocalDate today) {
        return new Warranty(cover(wholeMachineWarrantyUntil, today), cover(mainPartsWarrantyUntil, today));
    }

    private static Warranty.Cover cover(LocalDate until, LocalDate today) {
        return new Warranty.Cover(until, until != null && !today.isAfter(until));
    }
}
