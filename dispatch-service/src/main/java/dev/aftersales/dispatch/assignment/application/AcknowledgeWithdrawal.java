package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The technician on site acknowledges that the case was withdrawn: the assignment is cancelled and
 * the door-fee rule applied (the trip is paid only as quoted before the visit).
 * Only the holder can; a second acknowledgement is refused (409), the first stands.
 */
@Service
public class AcknowledgeWithdrawal {

    private final OwnAssignments own;
    private final Assignments assignments;
    private final Technicians technicians;
    private final Clock clock;

    AcknowledgeWithdrawal(OwnAssignments own, Assignments assignments, Technicians technicians, Clock clock) {
        this.own = own;
        this.assignments = assignments;
        this.technicians = technicians;
        this.clock = clock;
    }

    public Assignment acknowledge(String technicianId, String assignmentId) {
        var assignment = own.get(technicianId, assignmentId);
        try {
            assignment.acknowledgeWithdrawal(clock.instant());
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        var saved = assignments.save(assignment);
        technicians.changeLoad(technicianId, -1);
        return saved;
    }
}
