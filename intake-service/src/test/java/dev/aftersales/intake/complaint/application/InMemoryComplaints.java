package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Cases in a map, for use cases tested without a store. Like a store, it hands out a fresh copy on
 * every read and keeps only what was saved. {@link #clashOnNextUpdates} makes the next updates fail
 * as if another writer had saved the case first.
 */
class InMemoryComplaints implements Complaints {

    private final Map<String, Complaint> cases = new LinkedHashMap<>();
    private int clashes;
    int reads;
    int updates;

    void clashOnNextUpdates(int count) {
        clashes = count;
    }

    @Override
    public Optional<Complaint> find(String complaintId) {
        reads++;
        return Optional.ofNullable(cases.get(complaintId)).map(InMemoryComplaints::copy);
    }

    @Override
    public void add(Complaint complaint) {
        cases.put(complaint.id(), copy(complaint));
    }

    @Override
    public void update(Complaint complaint) {
        if (clashes > 0) {
            clashes--;
            throw new OptimisticLockingFailureException("complaint " + complaint.id() + " changed meanwhile");
        }
        updates++;
        cases.put(complaint.id(), copy(complaint));
    }

    private static Complaint copy(Complaint c) {
        // As the store does: raised events become pending outbox entries.
        return Complaint.restore(c.id(), c.snapshot(), c.version(), Outbox.eventsOf(Outbox.of(c.events())));
    }

    @Override
    public List<Complaint> openBySerialNumber(String serialNumber) {
        return cases.values().stream()
                .filter(c -> c.form().machine().serialNumber().equals(serialNumber))
                .filter(c -> c.status().isOpen())
                .sorted(Comparator.comparing(Complaint::registeredAt))
                .toList();
    }

    @Override
    public List<String> slaDueBy(Instant now, int limit) {
        var due = new ArrayList<String>();
        for (var c : cases.values()) {
            var next = c.nextSlaDue();
            if (next != null && !next.isAfter(now) && due.size() < limit) {
                due.add(c.id());
            }
        }
        return due;
    }

    @Override
    public java.util.Optional<Instant> nextSlaDue() {
        return cases.values().stream()
                .map(Complaint::nextSlaDue)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo);
    }

    @Override
    public java.util.Optional<Instant> nextActionDue() {
        return cases.values().stream()
                .map(Complaint::nextActionDue)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo);
    }

    @Override
    public List<String> actionsDueBy(Instant now, int limit) {
        return cases.values().stream()
                .filter(c -> c.nextActionDue() != null && !c.nextActionDue().isAfter(now))
                .map(Complaint::id)
                .limit(limit)
                .toList();
    }
}
