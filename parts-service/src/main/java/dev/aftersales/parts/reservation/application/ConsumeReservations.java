package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes the reservations of a completed visit out of stock: on hand and reserved both drop by
 * their units, available stays. Idempotent: consumed reservations are gone, and each stock line
 * records the event id, so a redelivered VisitCompleted changes nothing.
 */
@Service
public class ConsumeReservations {

    private static final Logger log = LoggerFactory.getLogger(ConsumeReservations.class);

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry CONSUMPTIONS = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Stocks stocks;
    private final ReservationMetrics metrics;

    ConsumeReservations(Stocks stocks, ReservationMetrics metrics) {
        this.stocks = stocks;
        this.metrics = metrics;
    }

    /** @return the units consumed by this call */
    public int consume(ConsumeReservationsCommand command) {
        int units = 0;
        for (var line : stocks.holdingReservationsOf(command.assignmentId())) {
            units += CONSUMPTIONS.run(() -> consumeAt(line.id(), command));
        }
        if (units > 0) {
            metrics.consumed(units);
            log.info("assignment {} consumed {} reserved units", command.assignmentId(), units);
        }
        return units;
    }

    private int consumeAt(String lineId, ConsumeReservationsCommand command) {
        var line = stocks.find(lineId).orElse(null);
        if (line == null
                || !line.holdsReservationsOf(command.assignmentId())
                || !line.events().firstDelivery(command.eventId())) {
            return 0;
        }
        int units = line.consumeReservationsOf(command.assignmentId());
        stocks.save(line);
        return units;
    }
}
