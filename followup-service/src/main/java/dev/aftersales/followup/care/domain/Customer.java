package dev.aftersales.followup.care.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    private String tier;
    private Instant lastContactAt;
    private Instant nextCareAt;
    private int tasksCreated;
    private final List<CareTask> tasks;
    private final Long version;
    private final AggregateEvents events;

    private Customer(
            String id,
            String tier,
            Instant lastContactAt,
            Instant nextCareAt,
            int tasksCreated,
            List<CareTask> tasks,
            Long version,
            AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.tier = tier == null ? DEFAULT_TIER : tier;
        this.lastContactAt = lastContactAt;
        this.nextCareAt = nextCareAt;
        this.tasksCreated = tasksCreated;
        this.tasks = new ArrayList<>(tasks == null ? List.of() : tasks);
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    public static Customer first(String id) {
        return new Customer(id, DEFAULT_TIER, null, null, 0, List.of(), null, null);
    }

    public static Customer restore(
            String id,
            String tier,
            Instant lastContactAt,
            Instant nextCareAt,
            int tasksCreated,
            List<CareTask> tasks,
            Long version,
            AggregateEvents events) {
        return new Customer(id, tier, lastContactAt, nextCareAt, tasksCreated, tasks, version, events);
    }

    public void contacted(Instant at) {
        if (lastContactAt == null || at.isAfter(lastContactAt)) {
            lastContactAt = at;
        }
    }

    /**
     * Puts the customer in {@code tier}; a tier with periodic care has its first task due one
     * period from now, a tier without ({@code period} null) has none.
     */
    public void tiered(String tier, Duration period, Instant now) {
        this.tier = tier;
        this.nextCareAt = period == null ? null : now.plus(period);
    }

    public boolean careDueBy(Instant now) {
        return nextCareAt != null && !nextCareAt.isAfter(now);
    }

    /**
     * Creates the due care task and moves the next one a period on. After a long outage the
     * missed periods are skipped: one task, not a burst of them.
     */
    public CareTask fireCare(String kind, Duration period, Instant now) {
        if (!careDueBy(now)) {
            throw new IllegalStateException("no care due for " + id);
        }
        tasksCreated++;
        var task = new CareTask("CARE-" + id + "-" + tasksCreated, id, kind, nextCareAt, now);
        tasks.add(task);
        if (tasks.size() > TASKS_KEPT) {
            tasks.remove(0);
        }
        while (!nextCareAt.isAfter(now)) {
            nextCareAt = nextCareAt.plus(period);
        }
        return task;
    }

    public boolean silentSince(Instant cutoff) {
        return lastContactAt != null && !lastContactAt.isAfter(cutoff);
    }

    public String id() {
        return id;
    }

    public String tier() {
        return tier;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }

    public Instant nextCareAt() {
        return nextCareAt;
    }

    public int tasksCreated() {
        return tasksCreated;
    }

    public List<CareTask> tasks() {
        return List.copyOf(tasks);
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
