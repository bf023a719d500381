package dev.aftersales.parts.reservation.application;

import dev.aftersales.parts.stock.application.OptimisticRetry;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final Stocks stocks;
    private final Counter consumed;

    ConsumeReservations(Stocks stocks, MeterRegistry meters) {
        this.stocks = stocks;
        this.consumed = Counter.builder("aftersales.parts.consumed")
                .description("Reserved units used up by completed visits")
                .baseUnit("units")
                .register(meters);
    }

    /** @return the units consumed by this call */
    public int consume(ConsumeReservationsCommand command) {
        int units = 0;
        for (var stock : stocks.holdingReservationsOf(command.assignmentId())) {
            units += OptimisticRetry.run(() -> consumeAt(stock.id(), command));
        }
        if (units > 0) {
            consumed.increment(units);
            log.info("assignment {} consumed {} reserved units", command.assignmentId(), units);
        }
        return units;
    }

    private int consumeAt(String stockId, ConsumeReservationsCommand command) {
        Stock stock = stocks.find(stockId).orElse(null);
        if (stock == null
                || !stock.holdsReservationsOf(command.assignmentId())
                || !stock.events().firstDelivery(command.eventId())) {
            return 0;
        }
        int units = stock.consumeReservationsOf(command.assignmentId());
        stocks.save(stock);
        return units;
    }
}
