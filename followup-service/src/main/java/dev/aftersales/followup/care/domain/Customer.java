package dev.aftersales.followup.care.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer as proactive care sees them: their tier, when we last had contact (a complaint, an
 * installation, a return call that reached them), and when their next periodic care task is due.
 * "Zero complaints is frightening": a customer without contact for long is silent.
 */
public final class Customer {

    public static final String DEFAULT_TIER = "ORDINARY";
    static final int TASKS_KEPT = 20;

    private final String id;
    private CustomerState state;
    private final Long version;
    private final AggregateEvents events;

    private Customer(String id, CustomerState state, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.state = state == null ? CustomerState.NEW : state;
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    public static Customer first(String id) {
        return new Customer(id, CustomerState.NEW, null, null);
    }

    /** A customer as stored, with the store's version and their events; raises nothing. */
    public static Customer restore(String id, CustomerState state, Long version, AggregateEvents events) {
        return new Customer(id, state, version, events);
    }

    /** The customer's state as of now, for the store; the id, version and events are read beside it. */
    public CustomerState snapshot() {
        return state;
    }

    /**
     * We heard from or reached the customer at {@code at}: care follows silence, so their next care
     * task is due one {@code carePeriod} of their tier after the latest contact (null: no periodic
     * care). Contacts arrive out of order (an import announces installations years old after a
     * supervisor tiered the customer "silent since now"), so the due care moves earlier as well as
     * later; only a care task already given after the latest contact keeps its own rhythm.
     */
    public void contacted(Instant at, Duration carePeriod) {
        if (state.lastContactAt() == null || at.isAfter(state.lastContactAt())) {
            state = state.contactedAt(at);
        }
        if (carePeriod != null && state.nextCareAt() != null) {
            var afterSilence = state.lastContactAt().plus(carePeriod);
            if (afterSilence.isAfter(state.nextCareAt()) || !caredForSince(state.lastContactAt())) {
                state = state.inTier(state.tier(), afterSilence);
            }
        }
    }

    private boolean caredForSince(Instant contact) {
        return state.tasks().stream().anyMatch(task -> task.createdAt().isAfter(contact));
    }

    /**
     * Puts the customer in {@code tier}. A tier with periodic care has its first task due one period
     * after the last contact (care follows silence: a customer silent longer than that is due at once,
     * at the next sweep), or one period from now when we never had contact; a tier without ({@code
     * period} null) has none.
     */
    public void tiered(String tier, Duration period, Instant now) {
        if (!state.mayBeContacted()) {
            state = state.inTier(tier, null); // no care for a customer who does not want to be contacted
            return;
        }
        var silentSince = state.lastContactAt() == null ? now : state.lastContactAt();
        state = state.inTier(tier, period == null ? null : silentSince.plus(period));
    }

    /**
     * The customer master's word on this customer (it wins over a tier set here): its tier, when it gave
     * one, and whether the customer may be contacted. A customer who withdrew consent (or was erased) gets
     * no periodic care until they give it again; then their care follows their last contact.
     *
     * @param tier null when the master gave none (the tier set here stays)
     * @param period the care period of the resulting tier (null: none)
     * @return false when this revision of the master was applied already (nothing changes)
     */
    public boolean fromMaster(String tier, Duration period, boolean mayBeContacted, int revision, Instant now) {
        if (state.masterRevision() != null && state.masterRevision() >= revision) {
            return false;
        }
        var hadConsent = state.mayBeContacted();
        state = state.fromMaster(!mayBeContacted, revision);
        var newTier = tier == null ? state.tier() : tier;
        if (!mayBeContacted) {
            state = state.inTier(newTier, null);
        } else if (!newTier.equals(state.tier()) || !hadConsent || (period != null && state.nextCareAt() == null)) {
            tiered(newTier, period, now);
        }
        return true;
    }

    public boolean mayBeContacted() {
        return state.mayBeContacted();
    }

    public boolean careDueBy(Instant now) {
        return state.nextCareAt() != null && !state.nextCareAt().isAfter(now);
    }

    /**
     * Creates the due care task and moves the next one a period on. After a long outage the
     * missed periods are skipped: one task, not a burst of them.
     */
    public CareTask fireCare(String kind, Duration period, Instant now) {
        if (!careDueBy(now)) {
            throw new IllegalStateException("no care due for " + id);
        }
        var task = new CareTask("CARE-" + id + "-" + (state.tasksCreated() + 1), id, kind, state.nextCareAt(), now);
        var next = state.nextCareAt();
        while (!next.isAfter(now)) {
            next = next.plus(period);
        }
        state = state.caredFor(task, next, TASKS_KEPT);
        return task;
    }

    public boolean silentSince(Instant cutoff) {
        return state.lastContactAt() != null && !state.lastContactAt().isAfter(cutoff);
    }

    public String id() {
        return id;
    }

    public String tier() {
        return state.tier();
    }

    public Instant lastContactAt() {
        return state.lastContactAt();
    }

    public Instant nextCareAt() {
        return state.nextCareAt();
    }

    public int tasksCreated() {
        return state.tasksCreated();
    }

    public List<CareTask> tasks() {
        return state.tasks();
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
