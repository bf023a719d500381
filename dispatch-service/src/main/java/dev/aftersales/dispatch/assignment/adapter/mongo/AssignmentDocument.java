package dev.aftersales.dispatch.assignment.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * An assignment as stored: its id, its state's fields at the top level of the document (unwrapped,
 * so queries name them directly: {@code technicianId}, {@code offerExpiresAt}), its version and its
 * outbox. Amounts are decimal strings ({@code StoreConversions}).
 */
@Document("assignments")
record AssignmentDocument(
        @Id String id,
        @Unwrapped.Nullable AssignmentState assignment,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static AssignmentDocument of(Assignment assignment) {
        return new AssignmentDocument(
                assignment.id(), assignment.snapshot(), assignment.version(), Outbox.of(assignment.events()));
    }

    Assignment toAssignment() {
        return Assignment.restore(id, assignment, version, Outbox.eventsOf(outbox));
    }
}
