package dev.aftersales.dispatch.archive.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One machine of an import: its installation facts, its customer's contact when the file gives it
 * (published to intake and followup, not kept here), and whether the row is history rather than a
 * machine just installed.
 */
public record ImportedMachine(Installation installation, CustomerContact customer, boolean historical) {

    /** A row installed more than this many days before its import is history too: no thank-you call. */
    public static final int THANK_YOU_WITHIN_DAYS = 3;

    public ImportedMachine {
        Objects.requireNonNull(installation, "installation");
    }

    public ImportedMachine(Installation installation) {
        this(installation, null, false);
    }

    /**
     * This machine under the customer id the customer master gives it (a row's phone the master knows
     * belongs to that customer, whatever id the row gave).
     */
    public ImportedMachine withCustomerId(String customerId) {
        if (java.util.Objects.equals(customerId, installation.customerId())) {
            return this;
        }
        var i = installation;
        var moved = new Installation(
                i.serialNumber(),
                i.model(),
                i.productLine(),
                customerId,
                i.dealerId(),
                i.installerId(),
                i.installedOn(),
                i.site());
        return new ImportedMachine(
                moved,
                customer == null ? null : new CustomerContact(customerId, customer.name(), customer.phone()),
                historical);
    }

    /** Only a machine installed in the last few days, and not flagged as history, gets a thank-you call. */
    public boolean thankYouCallDue(LocalDate importedOn) {
        var installedOn = installation.installedOn();
        return !historical && installedOn != null && !installedOn.isBefore(importedOn.minusDays(THANK_YOU_WITHIN_DAYS));
    }

    /**
     * The record that enters the archive, announcing the machine, or empty-handed for a row without
     * an installation date: no warranty can be derived from it, so it is archived without an event
     * until a correction gives the date.
     */
    public InstallationRecord toRecord(WarrantyPolicy warranties, LocalDate importedOn) {
        if (installation.installedOn() == null) {
            return InstallationRecord.restore(installation, null, null, null);
        }
        return InstallationRecord.imported(
                installation, customer, warranties.warrantyOf(installation), thankYouCallDue(importedOn));
    }
}
