package dev.aftersales.dispatch.archive.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationPart;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The archive's record of one machine (机器档案) as one aggregate: the installation facts, the
 * history of their corrections, and the events not yet published. A machine enters the archive
 * once ({@link #reported} or an import); after that its record changes only through {@link
 * #correct}, which keeps who changed what and why and tells intake and followup. Saved as one
 * document, so a correction and its event are one write.
 */
public final class InstallationRecord {

    private Installation installation;
    private final List<Correction> corrections;
    private final Long version;
    private final AggregateEvents events;

    private InstallationRecord(
            Installation installation, List<Correction> corrections, Long version, AggregateEvents events) {
        this.installation = Objects.requireNonNull(installation, "installation");
        this.corrections = new ArrayList<>(corrections == null ? List.of() : corrections);
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    /**
     * A new machine reported through the API. Raises {@link InstallationRecorded} with the
     * customer's contact (which only the event carries) and the warranty's end dates.
     */
    public static InstallationRecord reported(Installation installation, CustomerContact customer, Warranty warranty) {
        return recorded(installation, customer, warranty, true, null);
    }

    /**
     * A new machine its installer reported done on an installation case's visit: like {@link
     * #reported}, and the event names the case (the thank-you call follows the installation).
     */
    public static InstallationRecord installedFor(
            String complaintId, Installation installation, CustomerContact customer, Warranty warranty) {
        return recorded(installation, customer, warranty, true, complaintId);
    }

    /**
     * A machine loaded by an import: announced like a reported one, so the hotline, parts' planning and
     * followup know the whole installed base. {@code thankYouCall} is false for a machine installed long
     * before it was loaded: thanking its customer for a purchase of last year would only confuse them.
     */
    public static InstallationRecord imported(
            Installation installation, CustomerContact customer, Warranty warranty, boolean thankYouCall) {
        return recorded(installation, customer, warranty, thankYouCall, null);
    }

    private static InstallationRecord recorded(
            Installation installation,
            CustomerContact customer,
            Warranty warranty,
            boolean thankYouCall,
            String complaintId) {
        var record = new InstallationRecord(installation, List.of(), null, new AggregateEvents());
        var site = installation.site();
        record.events.raiseOnce(
                new InstallationRecorded(
                        installation.serialNumber(),
                        installation.model(),
                        installation.productLine(),
                        installation.customerId(),
                        customer == null ? null : customer.name(),
                        customer == null ? null : customer.phone(),
                        site == null ? null : site.address(),
                        site == null ? null : site.regionCode(),
                        installation.dealerId(),
                        installation.installerId(),
                        installation.installedOn(),
                        warranty.wholeMachineUntil(),
                        warranty.mainPartsUntil(),
                        thankYouCall,
                        complaintId),
                installation.serialNumber(),
                // a serial is recorded once: an import resumed after the store lost its write repeats this event
                "dispatch/InstallationRecorded/" + installation.serialNumber());
        return record;
    }

    public static InstallationRecord restore(
            Installation installation, List<Correction> corrections, Long version, AggregateEvents events) {
        return new InstallationRecord(installation, corrections, version, events);
    }

    /**
     * Corrects the record as {@code facts} say, keeping an entry of the history and raising {@link
     * InstallationCorrected} with the record as it now stands. Only what differs counts: the
     * warranty moves only when the installation date itself is corrected.
     *
     * @return the history entry, or empty when the record already reads so (nothing changes)
     */
    public Optional<Correction> correct(
            CorrectedFacts facts, String reason, String correctedBy, Instant at, WarrantyPolicy warranties) {
        var before = installation;
        var parts = new ArrayList<InstallationPart>();
        var changes = new ArrayList<Correction.Change>();
        var installerId = before.installerId();
        if (facts.installerId() != null && !facts.installerId().equals(before.installerId())) {
            parts.add(InstallationPart.INSTALLER);
            changes.add(change("installerId", before.installerId(), facts.installerId()));
            installerId = facts.installerId();
        }
        var installedOn = before.installedOn();
        if (facts.installedOn() != null && !facts.installedOn().equals(before.installedOn())) {
            parts.add(InstallationPart.INSTALLED_ON);
            changes.add(change("installedOn", before.installedOn(), facts.installedOn()));
            installedOn = facts.installedOn();
        }
        var customerId = before.customerId();
        var customer = facts.customer();
        if (customer != null
                && (customer.hasContact() || !Objects.equals(customer.customerId(), before.customerId()))) {
            parts.add(InstallationPart.CUSTOMER);
            if (!Objects.equals(customer.customerId(), before.customerId())) {
                changes.add(change("customer.customerId", before.customerId(), customer.customerId()));
            }
            customerId = customer.customerId();
        }
        var site = before.site();
        if (facts.site() != null && !facts.site().equals(before.site())) {
            parts.add(InstallationPart.SITE);
            changes.addAll(siteChanges(before.site(), facts.site()));
            site = facts.site();
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        installation = new Installation(
                before.serialNumber(),
                before.model(),
                before.productLine(),
                customerId,
                before.dealerId(),
                installerId,
                installedOn,
                site);
        var correction = new Correction(corrections.size() + 1, correctedBy, at, reason, parts, changes);
        corrections.add(correction);
        // the parts, not the values: an address or a customer is personal data
        events.audit(
                "archive.corrected",
                correctedBy,
                installation.serialNumber(),
                java.util.Map.of(
                        "revision",
                        String.valueOf(correction.number()),
                        "parts",
                        parts.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","))),
                at);
        var warranty = warranties.warrantyOf(installation);
        var contact = parts.contains(InstallationPart.CUSTOMER) ? customer : null;
        events.raise(
                new InstallationCorrected(
                        installation.serialNumber(),
                        correction.number(),
                        at,
                        parts,
                        installation.model(),
                        installation.productLine(),
                        installation.customerId(),
                        contact == null ? null : contact.name(),
                        contact == null ? null : contact.phone(),
                        site == null ? null : site.address(),
                        site == null ? null : site.regionCode(),
                        installation.dealerId(),
                        installation.installerId(),
                        installation.installedOn(),
                        warranty.wholeMachineUntil(),
                        warranty.mainPartsUntil()),
                installation.serialNumber());
        return Optional.of(correction);
    }

    private static List<Correction.Change> siteChanges(Site before, Site after) {
        var changes = new ArrayList<Correction.Change>();
        var was = before == null ? new Site(null, null) : before;
        if (!Objects.equals(was.address(), after.address())) {
            changes.add(change("site.address", was.address(), after.address()));
        }
        if (!Objects.equals(was.regionCode(), after.regionCode())) {
            changes.add(change("site.regionCode", was.regionCode(), after.regionCode()));
        }
        if (!Objects.equals(was.latitude(), after.latitude())) {
            changes.add(change("site.latitude", was.latitude(), after.latitude()));
        }
        if (!Objects.equals(was.longitude(), after.longitude())) {
            changes.add(change("site.longitude", was.longitude(), after.longitude()));
        }
        return changes;
    }

    private static Correction.Change change(String field, Object before, Object after) {
        return new Correction.Change(
                field, before == null ? null : before.toString(), after == null ? null : after.toString());
    }

    public String serialNumber() {
        return installation.serialNumber();
    }

    public Installation installation() {
        return installation;
    }

    /** The number of the latest correction; 0 for a record never corrected. */
    public int revision() {
        return corrections.size();
    }

    public List<Correction> corrections() {
        return List.copyOf(corrections);
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
