package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.FeeConsent;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Records that the customer agreed to pay more than quoted, and where that consent is kept. */
@Service
public class RecordFeeConsent {

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Clock clock;

    RecordFeeConsent(Assignments assignments, OwnAssignments own, Clock clock) {
        this.assignments = assignments;
        this.own = own;
        this.clock = clock;
    }

    public Assignment record(
            String technicianId, String assignmentId, BigDecimal amount, String method, String reference) {
        var assignment = own.get(technicianId, assignmentId);
        try {
            assignment.recordConsent(new FeeConsent(amount, method, reference, clock.instant()));
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        return assignments.save(assignment);
    }
}
