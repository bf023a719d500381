package dev.aftersales.parts.reservation.application;

import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.stock.application.OptimisticRetry;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reserves a requested part at the technician's own dealer, or backorders it.
 *
 * <p>Never oversells: the stock document is read, the decision taken on what it holds, and the
 * reservation saved together with its PartsReserved event only if the document is still the
 * version that was read; otherwise everything is read and decided again. Idempotent by request id:
 * a request held (or consumed) by the stock line, or already backordered, changes nothing.
 */
@Service
public class ReserveParts {

    private static final Logger log = LoggerFactory.getLogger(ReserveParts.class);

    private final Stocks stocks;
    private final Backorders backorders;
    private final Clock clock;
    private final Counter reservedOwnDealer;
    private final Counter backordered;
    private final Counter stockouts;

    ReserveParts(Stocks stocks, Backorders backorders, Clock clock, MeterRegistry meters) {
        this.stocks = stocks;
        this.backorders = backorders;
        this.clock = clock;
        this.reservedOwnDealer = Counter.builder("aftersales.parts.reservations")
                .description("Parts requests by outcome")
                .tag("outcome", ReservationSource.OWN_DEALER.name())
                .register(meters);
        this.backordered = Counter.builder("aftersales.parts.reservations")
                .description("Parts requests by outcome")
                .tag("outcome", "BACKORDER")
                .register(meters);
        this.stockouts = Counter.builder("aftersales.parts.stockouts")
                .description("Parts requests the technician's dealer had too few units for")
                .register(meters);
    }

    public ReservationOutcome reserve(ReservePartsCommand command) {
        var outcome = OptimisticRetry.run(() -> attempt(command));
        switch (outcome) {
            case RESERVED -> reservedOwnDealer.increment();
            case BACKORDERED -> {
                stockouts.increment();
                backordered.increment();
            }
            case ALREADY_HANDLED -> {}
        }
        log.info(
                "parts request {} of complaint {}: {}",
                command.requestId(),
                command.complaintId(),
                outcome.name().toLowerCase());
        return outcome;
    }

    private ReservationOutcome attempt(ReservePartsCommand command) {
        // A backordered request waits its turn in line, even if stock arrived since its first delivery.
        if (backorders.exists(command.requestId())) {
            return ReservationOutcome.ALREADY_HANDLED;
        }
        var now = clock.instant();
        var found = stocks.find(Stock.idOf(command.locationId(), command.partNumber()));
        if (found.isPresent()) {
            var stock = found.get();
            if (stock.hasHandled(command.requestId())) {
                return ReservationOutcome.ALREADY_HANDLED;
            }
            if (stock.canSupply(command.quantity())) {
                stock.outbox().firstDelivery(command.eventId());
                stock.reserve(
                        new Reservation(
                                command.requestId(),
                                command.complaintId(),
                                command.assignmentId(),
                                command.quantity(),
                                now),
                        now);
                // Throws when another write came first; OptimisticRetry then reads and decides again.
                stocks.save(stock);
                return ReservationOutcome.RESERVED;
            }
        }
        var added = backorders.add(Backorder.of(
                command.requestId(),
                command.complaintId(),
                command.assignmentId(),
                command.locationId(),
                command.partNumber(),
                command.quantity(),
                now));
        return added ? ReservationOutcome.BACKORDERED : ReservationOutcome.ALREADY_HANDLED;
    }
}
