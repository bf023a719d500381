package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.events.PoisonEventException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import org.springframework.stereotype.Service;

/**
 * Shows the technician what became of their parts requests. Idempotent by the event's id, which the
 * assignment records in the same write as the change.
 */
@Service
public class RecordPartsOutcome {

    /** A technician's request may race the event; a fresh read settles it without a broker retry. */
    private static final ConflictRetry PARTS_OUTCOMES = ConflictRetry.upTo(3);

    private final Assignments assignments;

    RecordPartsOutcome(Assignments assignments) {
        this.assignments = assignments;
    }

    public void record(PartsOutcomeCommand command) {
        PARTS_OUTCOMES.run(() -> {
            var assignment = assignments
                    .byId(command.assignmentId())
                    .orElseThrow(() -> new PoisonEventException("no assignment " + command.assignmentId()));
            if (assignment.events().firstDelivery(command.eventId())) {
                assignment.recordPartsOutcome(command.outcome());
                assignments.save(assignment);
            }
        });
    }
}
