package dev.aftersales.parts.stock.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.parts.stock.domain.Lot;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stock line as stored. {@code reserved} and {@code available} are derived from the domain on
 * every write, so the stored numbers always satisfy {@code reserved + available = onHand} and can
 * be read (or queried) without the reservations; {@code nextExpiryAt} lets the expiry sweep find due lines.
 */
@Document("stock")
record StockDocument(
        @Id String id,
        String locationId,
        String partNumber,
        int onHand,
        int reserved,
        int available,
        int reorderPoint,
        List<Reservation> reservations,
        List<String> consumedRequestIds,
        Instant nextExpiryAt,
        List<Lot> lots,
        BigDecimal unitCost,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static StockDocument of(Stock stock) {
        return new StockDocument(
                stock.id(),
                stock.locationId(),
                stock.partNumber(),
                stock.onHand(),
                stock.reserved(),
                stock.available(),
                stock.reorderPoint(),
                stock.reservations(),
                stock.consumedRequestIds(),
                stock.nextExpiry(),
                stock.lots(),
                stock.unitCost(),
                stock.version(),
                stock.outbox());
    }

    Stock toStock() {
        return Stock.restore(
                locationId,
                partNumber,
                onHand,
                reorderPoint,
                reservations,
                consumedRequestIds,
                lots,
                unitCost,
                version,
                outbox);
    }
}
