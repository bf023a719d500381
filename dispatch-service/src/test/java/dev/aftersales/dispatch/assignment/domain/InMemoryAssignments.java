package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.chassis.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps assignments as the store would: an insert of an existing id fails, saves bump the version. */
public class InMemoryAssignments implements Assignments {

    private final Map<String, Assignment> byId = new LinkedHashMap<>();
    /** Every successful write, in order, to count writes and the events they carried. */
    public final List<Assignment> writes = new ArrayList<>();

    @Override
    public boolean add(Assignment assignment) {
        if (byId.containsKey(assignment.id())) {
            return false;
        }
        return store(assignment) != null;
    }

    @Override
    public Assignment save(Assignment assignment) {
        var current = byId.get(assignment.id());
        if (current != null && !current.version().equals(assignment.version())) {
            throw new IllegalStateException("optimistic lock: " + assignment.id());
        }
        return store(assignment);
    }

    private Assignment store(Assignment a) {
        var stored = Assignment.restore(
                a.id(),
                a.snapshot(),
                a.version() == null ? 0L : a.version() + 1,
                Outbox.eventsOf(Outbox.of(a.events())));
        byId.put(a.id(), stored);
        writes.add(stored);
        return stored;
    }

    @Override
    public Optional<Assignment> byId(String assignmentId) {
        return Optional.ofNullable(byId.get(assignmentId));
    }

    @Override
    public List<Assignment> ofTechnician(String technicianId) {
        return byId.values().stream()
                .filter(a -> a.isOwnedBy(technicianId))
                .sorted(Comparator.comparing(Assignment::decidedAt))
                .toList();
    }

    @Override
    public List<Assignment> withStatus(AssignmentStatus status) {
        return byId.values().stream()
                .filter(a -> a.status() == status)
                .sorted(Comparator.comparing(Assignment::decidedAt))
                .toList();
    }

    @Override
    public List<Assignment> offersExpiredBy(Instant now) {
        return byId.values().stream().filter(a -> a.offerExpiredAt(now)).toList();
    }

    @Override
    public java.util.Optional<Instant> nextOfferExpiry() {
        return byId.values().stream()
                .map(Assignment::offerExpiresAt)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo);
    }

    @Override
    public java.util.Optional<Instant> nextAppointmentDue() {
        return byId.values().stream()
                .map(Assignment::appointmentDueAt)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo);
    }

    @Override
    public List<Assignment> appointmentsMissedBy(Instant now) {
        return byId.values().stream().filter(a -> a.appointmentMissedAt(now)).toList();
    }

    @Override
    public List<Assignment> ofComplaint(String complaintId) {
        return byId.values().stream()
                .filter(a -> complaintId.equals(a.complaintId()))
                .toList();
    }

    @Override
    public List<Assignment> completedForDealer(String dealerId, java.time.Instant from, java.time.Instant until) {
        return byId.values().stream()
                .filter(a -> dealerId.equals(a.dealerId()) && a.visit() != null)
                .filter(a -> !a.visit().completedAt().isBefore(from)
                        && a.visit().completedAt().isBefore(until))
                .toList();
    }

    @Override
    public List<Assignment> ofMachine(String serialNumber) {
        return byId.values().stream()
                .filter(a -> serialNumber.equals(a.serialNumber()))
                .toList();
    }
}
