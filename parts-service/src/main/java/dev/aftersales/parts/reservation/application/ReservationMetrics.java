package dev.aftersales.parts.reservation.application;

import dev.aftersales.contracts.parts.ReservationSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the reservation use cases count, under business names: requests by outcome (the fill rate at
 * the technician's dealer is reservations{OWN_DEALER} / requests), stock-outs, the time until parts
 * are ready, units consumed and reservations released. Registered at zero at start-up, so the
 * dashboards' rates start from a known point.
 */
@Component
class ReservationMetrics {

    private final Map<ReservationOutcome, Counter> outcomes = new EnumMap<>(ReservationOutcome.class);
    private final Counter requests;
    private final Counter stockouts;
    private final Timer untilReady;
    private final Counter consumed;
    private final Counter released;

    ReservationMetrics(MeterRegistry meters) {
        outcomes.put(ReservationOutcome.RESERVED, outcome(meters, ReservationSource.OWN_DEALER.name()));
        outcomes.put(ReservationOutcome.TRANSFERRED, outcome(meters, ReservationSource.TRANSFER.name()));
        outcomes.put(ReservationOutcome.FROM_FACTORY, outcome(meters, ReservationSource.FACTORY.name()));
        outcomes.put(ReservationOutcome.SPLIT, outcome(meters, "SPLIT"));
        outcomes.put(ReservationOutcome.BACKORDERED, outcome(meters, "BACKORDER"));
        this.requests = Counter.builder("aftersales.parts.requests")
                .description("Parts requests handled the first time; fill rate = reservations{OWN_DEALER} / requests")
                .register(meters);
        this.stockouts = Counter.builder("aftersales.parts.stockouts")
                .description("Parts requests the technician's dealer had too few units for")
                .register(meters);
        this.untilReady = Timer.builder("aftersales.parts.time.until.ready")
                .description("From the request until the reserved parts are ready for the technician")
                // 0 when in stock; hours for a transfer; days from the factory or a backorder.
                .serviceLevelObjectives(
                        Duration.ofMinutes(1),
                        Duration.ofHours(1),
                        Duration.ofHours(4),
                        Duration.ofHours(24),
                        Duration.ofHours(48),
                        Duration.ofHours(72),
                        Duration.ofDays(7))
                .register(meters);
        this.consumed = Counter.builder("aftersales.parts.consumed")
                .description("Reserved units used up by completed visits")
                .baseUnit("units")
                .register(meters);
        this.released = Counter.builder("aftersales.parts.released")
                .description("Reservations given back to stock, expired or cancelled")
                .register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("aftersales.parts.reservations")
                .description("Parts requests by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** A request handled the first time; anything but the own dealer's stock is a stock-out there. */
    void requestHandled(ReservationOutcome outcome) {
        if (outcome == ReservationOutcome.ALREADY_HANDLED) {
            return;
        }
        requests.increment();
        outcomes.get(outcome).increment();
        if (outcome != ReservationOutcome.RESERVED) {
            stockouts.increment();
        }
    }

    void heldUntilReady(Duration untilReady) {
        this.untilReady.record(untilReady);
    }

    void consumed(int units) {
        consumed.increment(units);
    }

    void released(int reservations) {
        released.increment(reservations);
    }
}
