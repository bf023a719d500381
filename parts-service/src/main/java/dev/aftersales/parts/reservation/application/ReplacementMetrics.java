package dev.aftersales.parts.reservation.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Goods promised by agreed resolutions: held (by where, as seen from the selling dealer), backordered,
 * and shipped to the customer by their dealer. Registered at zero at start-up.
 */
@Component
class ReplacementMetrics {

    private final Counter held;
    private final Counter backordered;
    private final Counter shipped;

    ReplacementMetrics(MeterRegistry meters) {
        this.held = outcome(meters, "RESERVED");
        this.backordered = outcome(meters, "BACKORDERED");
        this.shipped = Counter.builder("aftersales.parts.replacements.shipped")
                .description("Goods of agreed resolutions their dealer confirmed shipped to the customer")
                .register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("aftersales.parts.replacements")
                .description("Goods of agreed resolutions (replacements, gifts) by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    void handled(ReservationOutcome outcome) {
        if (outcome == ReservationOutcome.BACKORDERED) {
            backordered.increment();
        } else if (outcome.reserved()) {
            held.increment();
        }
    }

    void shipped() {
        shipped.increment();
    }
}
