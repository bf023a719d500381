package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.Backorder;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A backorder as stored; {@code id} is the request id. */
@Document("backorders")
record BackorderDocument(
        @Id String id,
        String complaintId,
        String assignmentId,
        String locationId,
        String partNumber,
        int quantity,
        Instant backorderedAt,
        Priority priority,
        Backorder.Status status,
        String servingLocationId,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static BackorderDocument of(Backorder backorder) {
        return new BackorderDocument(
                backorder.requestId(),
                backorder.complaintId(),
                backorder.assignmentId(),
                backorder.locationId(),
                backorder.partNumber(),
                backorder.quantity(),
                backorder.backorderedAt(),
                backorder.priority(),
                backorder.status(),
                backorder.servingLocationId(),
                backorder.version(),
                backorder.outbox());
    }

    Backorder toBackorder() {
        return Backorder.restore(
                id,
                complaintId,
                assignmentId,
                locationId,
                partNumber,
                quantity,
                backorderedAt,
                priority,
                status,
                servingLocationId,
                version,
                outbox);
    }
}
