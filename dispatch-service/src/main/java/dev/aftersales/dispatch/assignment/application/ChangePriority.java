package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.intake.PriorityChanged;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import dev.aftersales.dispatch.feed.application.RecordInFeed;
import org.springframework.stereotype.Service;

/**
 * A case's priority changed at intake (repeat calls, a supervisor): its open assignments show it on
 * the technician's list from now on, their feed gets a PRIORITY entry, and visits opened later start
 * with it. Setting the same priority again changes nothing, so redelivery is harmless.
 */
@Service
public class ChangePriority {

    private static final ConflictRetry PRIORITY_CHANGES = ConflictRetry.upTo(5);

    private final Assignments assignments;
    private final KnownCases knownCases;
    private final RecordInFeed feed;

    ChangePriority(Assignments assignments, KnownCases knownCases, RecordInFeed feed) {
        this.assignments = assignments;
        this.knownCases = knownCases;
        this.feed = feed;
    }

    public void change(ReceivedEvent<PriorityChanged> event) {
        var changed = event.payload();
        var complaintId = changed.complaintId();
        var priority = changed.priority();
        knownCases.changePriority(complaintId, priority);
        for (var found : assignments.ofComplaint(complaintId)) {
            if (found.status() != AssignmentStatus.ASSIGNED && found.status() != AssignmentStatus.ESCALATED) {
                continue;
            }
            var saved = PRIORITY_CHANGES.run(() -> {
                var assignment = assignments.byId(found.id()).orElseThrow();
                return assignment.changePriority(priority) ? assignments.save(assignment) : assignment;
            });
            // Written even when the assignment had the priority already: a redelivery completes a lost feed entry.
            if (saved.status() == AssignmentStatus.ASSIGNED && saved.technicianId() != null) {
                feed.priorityChanged(
                        saved.technicianId(),
                        saved.id(),
                        complaintId,
                        priority,
                        changed.changedAt(),
                        event.id() + "/" + saved.id());
            }
        }
    }
}
