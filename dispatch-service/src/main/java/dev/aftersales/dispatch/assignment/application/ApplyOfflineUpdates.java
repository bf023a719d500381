package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Appointment;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Visit;
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
 */
@Service
public class ApplyOfflineUpdates {

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        REJECTED
    }

    public record Result(String clientId, Outcome outcome, String reason) {}

    private static final Comparator<OfflineUpdate> MADE =
            Comparator.comparing(OfflineUpdate::at).thenComparing(OfflineUpdate::clientId);

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Technicians technicians;
    private final DispatchProperties properties;

    ApplyOfflineUpdates(
            Assignments assignments, OwnAssignments own, Technicians technicians, DispatchProperties properties) {
        this.assignments = assignments;
        this.own = own;
        this.technicians = technicians;
        this.properties = properties;
    }

    public List<Result> apply(String technicianId, List<OfflineUpdate> updates) {
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
                batch.forEach(
                        u -> results.put(u.clientId(), new Result(u.clientId(), Outcome.REJECTED, e.getMessage())));
                return;
            }
            var wasCompleted = assignment.status() == AssignmentStatus.COMPLETED;
            var changed = false;
            for (var update : batch) {
                if (results.containsKey(update.clientId())
                        || !assignment.events().firstDelivery("client:" + update.clientId())) {
                    results.putIfAbsent(update.clientId(), new Result(update.clientId(), Outcome.DUPLICATE, null));
                    continue;
                }
                changed = true;
                try {
                    applyOne(assignment, update);
                    results.put(update.clientId(), new Result(update.clientId(), Outcome.APPLIED, null));
                } catch (RuntimeException e) {
                    results.put(update.clientId(), new Result(update.clientId(), Outcome.REJECTED, e.getMessage()));
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
