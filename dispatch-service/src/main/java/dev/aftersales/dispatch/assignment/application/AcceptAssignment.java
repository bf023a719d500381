package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The offered technician takes the job. Accepting twice is harmless; accepting an offer that has
 * meanwhile passed to someone else finds no assignment (404), and racing a decline or the timeout
 * sweep loses or wins as a whole by the optimistic save (409 for the loser).
 */
@Service
public class AcceptAssignment {

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Clock clock;
    private final AssignmentMetrics metrics;

    AcceptAssignment(Assignments assignments, OwnAssignments own, Clock clock, AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.own = own;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Assignment accept(String technicianId, String assignmentId) {
        var assignment = own.get(technicianId, assignmentId);
        try {
            if (!assignment.accept(clock.instant())) {
                return assignment;
            }
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        var saved = assignments.save(assignment);
        metrics.offerAccepted(saved.dealerId());
        return saved;
    }
}
