package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Appointment;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.OfflineClaim;
import dev.aftersales.dispatch.assignment.domain.Visit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Applies a batch of changes the technician made offline. Per assignment, the updates are applied
 * in the order they were made ({@code at}, then client id), each at most once: the client id is
 * recorded among the assignment's handled ids in the same write as the change, so a batch sent
 * twice, or in another order, ends in the same state. An update the assignment's state refuses is
 * reported and skipped (and also recorded, so a replay gives the same answer).
 *
 * <p>{@code at} is the phone's claim, not a fact the server saw: it is kept as {@code claimedAt}
 * beside the server's receive time. A claim more than {@link #CLOCK_TOLERANCE} ahead of the server,
 * or before the assignment was made, is refused alone (not recorded, so the app may send it again
 * with its clock fixed); the rest of the batch applies.
 */
@Service
public class ApplyOfflineUpdates {

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        REJECTED
    }

    /** One update's answer, with the phone's claimed time and the server's receive time. */
    public record Result(String clientId, Outcome outcome, String reason, Instant claimedAt, Instant receivedAt) {}

    /** How far ahead of the server's clock a phone may be. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private static final Comparator<OfflineUpdate> MADE =
            Comparator.comparing(OfflineUpdate::at).thenComparing(OfflineUpdate::clientId);

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Technicians technicians;
    private final DispatchProperties properties;
    private final Clock clock;

    ApplyOfflineUpdates(
            Assignments assignments,
            OwnAssignments own,
            Technicians technicians,
            DispatchProperties properties,
            Clock clock) {
        this.clock = clock;
        this.assignments = assignments;
        this.own = own;
        this.technicians = technicians;
        this.properties = properties;
    }

    public List<Result> apply(String technicianId, List<OfflineUpdate> updates) {
        var receivedAt = clock.instant();
        var byAssignment = new LinkedHashMap<String, List<OfflineUpdate>>();
        updates.stream()
                .sorted(MADE)
                .forEach(u -> byAssignment
                        .computeIfAbsent(u.assignmentId(), k -> new ArrayList<>())
                        .add(u));
        var results = new LinkedHashMap<String, Result>();
        byAssignment.forEach((assignmentId, batch) -> {
            Assignment assignment;
            try {
                assignment = own.get(technicianId, assignmentId);
            } catch (NotFoundException e) {
                batch.forEach(u -> results.put(
                        u.clientId(), new Result(u.clientId(), Outcome.REJECTED, e.getMessage(), u.at(), receivedAt)));
                return;
            }
            var wasCompleted = assignment.status() == AssignmentStatus.COMPLETED;
            var changed = false;
            for (var update : batch) {
                var claimedAt = update.at();
                if (results.containsKey(update.clientId())) {
                    continue;
                }
                var untrusted = untrustedClaim(assignment, claimedAt, receivedAt);
                if (untrusted != null) {
                    results.put(
                            update.clientId(),
                            new Result(update.clientId(), Outcome.REJECTED, untrusted, claimedAt, receivedAt));
                    continue;
                }
                if (!assignment.events().firstDelivery("client:" + update.clientId())) {
                    results.put(
                            update.clientId(),
                            new Result(update.clientId(), Outcome.DUPLICATE, null, claimedAt, receivedAt));
                    continue;
                }
                changed = true;
                try {
                    applyOne(assignment, update);
                    assignment.recordOfflineClaim(
                            new OfflineClaim(update.clientId(), update.type(), claimedAt, receivedAt));
                    results.put(
                            update.clientId(),
                            new Result(update.clientId(), Outcome.APPLIED, null, claimedAt, receivedAt));
                } catch (RuntimeException e) {
                    results.put(
                            update.clientId(),
                            new Result(update.clientId(), Outcome.REJECTED, e.getMessage(), claimedAt, receivedAt));
                }
            }
            if (changed) {
                var saved = assignments.save(assignment);
                if (!wasCompleted && saved.status() == AssignmentStatus.COMPLETED) {
                    technicians.changeLoad(saved.technicianId(), -1);
                }
            }
        });
        return updates.stream().map(u -> results.get(u.clientId())).distinct().toList();
    }

    /** Why the phone's claimed time cannot be taken as a fact, or null when it can. */
    private static String untrustedClaim(Assignment assignment, Instant claimedAt, Instant receivedAt) {
        if (claimedAt.isAfter(receivedAt.plus(CLOCK_TOLERANCE))) {
            return "claimed at " + claimedAt + ", more than " + CLOCK_TOLERANCE.toMinutes()
                    + " minutes ahead of the server's time " + receivedAt + ": check the phone's clock";
        }
        if (assignment.decidedAt() != null && claimedAt.isBefore(assignment.decidedAt())) {
            return "claimed at " + claimedAt + ", before the assignment was made at " + assignment.decidedAt();
        }
        return null;
    }

    private void applyOne(Assignment assignment, OfflineUpdate u) {
        switch (u.type() == null ? "" : u.type()) {
            case "ACCEPT" -> assignment.accept(u.at());
            case "APPOINTMENT" ->
                assignment.setAppointment(
                        new Appointment(u.windowStart(), u.windowEnd()), u.at(), properties.rescheduleNotice());
            case "ARRIVE" -> assignment.arrive(u.at());
            case "PARTS_REQUEST" ->
                assignment.requestParts(u.clientId(), u.partNumber(), u.quantity() == null ? 1 : u.quantity(), u.at());
            case "COMPLETE" ->
                assignment.complete(new Visit(
                        u.diagnosis(),
                        u.rootCause(),
                        u.partsUsed(),
                        u.feeCharged(),
                        Boolean.TRUE.equals(u.fixed()),
                        u.at()));
            default -> throw new IllegalArgumentException("unknown update type " + u.type());
        }
    }
}
