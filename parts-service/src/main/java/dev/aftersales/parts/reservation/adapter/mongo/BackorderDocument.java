package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.BackorderState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A backorder as stored; {@code id} is the request id. The state's fields sit at the top level of
 * the document (unwrapped), so queries name them directly ({@code partNumber}, {@code status}).
 */
@Document("backorders")
record BackorderDocument(
        @Id String id,
        @Unwrapped.Nullable BackorderState backorder,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static BackorderDocument of(Backorder backorder) {
        return new BackorderDocument(
                backorder.requestId(), backorder.snapshot(), backorder.version(), Outbox.of(backorder.events()));
    }

    Backorder toBackorder() {
        return Backorder.restore(id, backorder, version, Outbox.eventsOf(outbox));
    }
}
