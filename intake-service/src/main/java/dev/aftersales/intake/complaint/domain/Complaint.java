package dev.aftersales.intake.complaint.domain;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A case file: the complaint form as the agent filled it, who took the call (that agent stays
 * accountable), the SLA deadlines started at registration, and the timeline of everything the other
 * services did about it since. One document holds all of it together with the outbox, so a change
 * and the events it causes are one write, and the ids of consumed events, so a redelivered event
 * changes nothing.
 *
 * <p>Use {@link #register} when a call comes in, {@link #restore} to rebuild a stored case.
 */
public final class Complaint {

    private final String id;
    private final ComplaintForm form;
    private final String takenBy;
    private final Instant registeredAt;
    private final SlaDeadlines sla;
    private final Priority priority;
    private final List<TimelineEntry> timeline;
    private final Long version;
    private final Outbox outbox;

    private Complaint(
            String id,
            ComplaintForm form,
            String takenBy,
            Instant registeredAt,
            SlaDeadlines sla,
            Priority priority,
            List<TimelineEntry> timeline,
            Long version,
            Outbox outbox) {
        this.id = Objects.requireNonNull(id, "id");
        this.form = Objects.requireNonNull(form, "form");
        this.takenBy = Objects.requireNonNull(takenBy, "takenBy");
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.priority = Objects.requireNonNull(priority, "priority");
        this.timeline = new ArrayList<>(timeline);
        this.timeline.sort(Comparator.comparing(TimelineEntry::at));
        this.version = version;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * Opens a case: its SLA clocks start at {@code registeredAt}, and {@code ComplaintRegistered}
     * (with the first phone as the contact) is raised for dispatch and follow-up.
     *
     * @param takenBy the user id of the agent who took the call
     */
    public static Complaint register(
            String id, ComplaintForm form, String takenBy, Instant registeredAt, SlaPolicy policy) {
        var sla = policy.deadlinesFrom(registeredAt);
        var registered = new TimelineEntry(
                registeredAt,
                Milestone.REGISTERED,
                form.kind() + " via " + form.channel() + ", taken by " + takenBy,
                null);
        var complaint = new Complaint(
                id, form, takenBy, registeredAt, sla, Priority.NORMAL, List.of(registered), null, new Outbox());
        var customer = form.customer();
        complaint.outbox.raise(
                new ComplaintRegistered(
                        id,
                        form.kind(),
                        form.channel(),
                        form.machine().serialNumber(),
                        form.machine().model(),
                        form.symptoms(),
                        form.customerRequest(),
                        new CaseContact(
                                customer.name(), customer.contactPhone(), customer.address(), customer.regionCode()),
                        takenBy,
                        registeredAt,
                        sla.firstAnswerDue(),
                        sla.onSiteDue(),
                        sla.resolutionDue()),
                id);
        return complaint;
    }

    /** Rebuilds a stored case exactly as it was saved. */
    public static Complaint restore(
            String id,
            ComplaintForm form,
            String takenBy,
            Instant registeredAt,
            SlaDeadlines sla,
            Priority priority,
            List<TimelineEntry> timeline,
            Long version,
            Outbox outbox) {
        return new Complaint(id, form, takenBy, registeredAt, sla, priority, timeline, version, outbox);
    }

    /**
     * Adds what another service reported about this case to its timeline, in time order.
     *
     * @param eventId the {@code ce_id} of the event that reported it
     * @return false when that event was recorded before: nothing changed
     */
    public boolean record(String eventId, TimelineEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!outbox.firstDelivery(eventId)) {
            return false;
        }
        int at = timeline.size();
        while (at > 0 && timeline.get(at - 1).at().isAfter(entry.at())) {
            at--;
        }
        timeline.add(at, entry);
        return true;
    }

    /**
     * Derived from the timeline in time order rather than from the order events arrived in: the
     * streams of dispatch, parts and follow-up are not ordered with each other.
     */
    public ComplaintStatus status() {
        var status = ComplaintStatus.OPEN;
        for (var entry : timeline) {
            status = switch (entry.what()) {
                case TECHNICIAN_ASSIGNED -> ComplaintStatus.ASSIGNED;
                case ASSIGNMENT_ESCALATED -> ComplaintStatus.ESCALATED;
                case VISIT_COMPLETED -> ComplaintStatus.AWAITING_RETURN_CALL;
                default -> status;
            };
        }
        return status;
    }

    public String id() {
        return id;
    }

    public ComplaintForm form() {
        return form;
    }

    public String takenBy() {
        return takenBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public SlaDeadlines sla() {
        return sla;
    }

    public Priority priority() {
        return priority;
    }

    /** Oldest first; entries with the same time keep the order they were recorded in. */
    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    /** The stored version this case was read at; null before its first save. */
    public Long version() {
        return version;
    }

    public Outbox outbox() {
        return outbox;
    }
}
