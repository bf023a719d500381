package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** The technician is on site: intake's on-site clock stops. Recorded once; a repeat changes nothing. */
@Service
public class RecordArrival {

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Clock clock;
    private final AssignmentMetrics metrics;

    RecordArrival(Assignments assignments, OwnAssignments own, Clock clock, AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.own = own;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Assignment arrive(String technicianId, String assignmentId) {
        var assignment = own.get(technicianId, assignmentId);
        if (assignment.arrivedAt() != null) {
            return assignment;
        }
        var now = clock.instant();
        try {
            var outcome = assignment.arrive(now);
            var saved = assignments.save(assignment);
            metrics.appointment(outcome, saved.dealerId(), technicianId);
            metrics.arrived(
                    saved.onSiteDue() == null || !now.isAfter(saved.onSiteDue()),
                    saved.dealerId(),
                    Duration.between(saved.decidedAt(), now));
            return saved;
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
