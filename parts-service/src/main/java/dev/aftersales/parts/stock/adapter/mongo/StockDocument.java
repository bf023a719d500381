package dev.aftersales.parts.stock.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.StockState;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A stock line as stored: the line's state at the top level of the document (unwrapped), and beside
 * it {@code reserved} and {@code available}, derived from the domain on every write, so the stored
 * numbers always satisfy {@code reserved + available = onHand} and can be read (or queried) without
 * the reservations; {@code nextExpiryAt} lets the expiry sweep find due lines.
 */
@Document("stock")
record StockDocument(
        @Id String id,
        @Unwrapped.Nullable StockState line,
        int reserved,
        int available,
        Instant nextExpiryAt,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static StockDocument of(Stock stock) {
        return new StockDocument(
                stock.id(),
                stock.snapshot(),
                stock.reserved(),
                stock.available(),
                stock.nextExpiry(),
                stock.version(),
                Outbox.of(stock.events()));
    }

    Stock toStock() {
        return Stock.restore(line, version, Outbox.eventsOf(outbox));
    }
}
