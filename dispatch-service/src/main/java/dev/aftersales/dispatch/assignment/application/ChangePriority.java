package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import org.springframework.stereotype.Service;

/**
 * A case's priority changed at intake (repeat calls, a supervisor): its open assignments show it on
 * the technician's list from now on, and visits opened later start with it. Setting the same
 * priority again changes nothing, so redelivery is harmless.
 */
@Service
public class ChangePriority {

    private static final ConflictRetry PRIORITY_CHANGES = ConflictRetry.upTo(5);

    private final Assignments assignments;
    private final KnownCases knownCases;

    ChangePriority(Assignments assignments, KnownCases knownCases) {
        this.assignments = assignments;
        this.knownCases = knownCases;
    }

    public void change(String complaintId, Priority priority) {
        knownCases.changePriority(complaintId, priority);
        for (var found : assignments.ofComplaint(complaintId)) {
            if (found.status() != AssignmentStatus.ASSIGNED && found.status() != AssignmentStatus.ESCALATED) {
                continue;
            }
            PRIORITY_CHANGES.run(() -> {
                var assignment = assignments.byId(found.id()).orElseThrow();
                if (assignment.changePriority(priority)) {
                    assignments.save(assignment);
                }
            });
        }
    }
}
