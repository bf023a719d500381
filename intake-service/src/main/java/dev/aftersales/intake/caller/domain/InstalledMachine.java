package dev.aftersales.intake.caller.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A machine of the archive as intake keeps it for caller lookup, copied from dispatch's
 * {@code InstallationRecorded}. Personal data (name, phone, address): shown to the agent, never logged.
 *
 * @param wholeMachineWarrantyUntil last day of the whole-machine warranty; null when the archive gave none
 * @param mainPartsWarrantyUntil last day of the main-parts warranty; null when the archive gave none
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
        LocalDate mainPartsWarrantyUntil) {

    public InstalledMachine {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(installedOn, "installedOn");
    }

    /** The warranty on {@code today}, from the archive's dates or else the default policy. */
    public Warranty warrantyOn(LocalDate today) {
        var whole = wholeMachineWarrantyUntil != null
                ? wholeMachineWarrantyUntil
                : WarrantyPolicy.DEFAULT.wholeMachineUntil(installedOn);
        var parts = mainPartsWarrantyUntil != null
                ? mainPartsWarrantyUntil
                : WarrantyPolicy.DEFAULT.mainPartsUntil(installedOn);
        return new Warranty(
                new Warranty.Cover(whole, !today.isAfter(whole)), new Warranty.Cover(parts, !today.isAfter(parts)));
    }
}
