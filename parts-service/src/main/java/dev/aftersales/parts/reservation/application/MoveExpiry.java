package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.reservation.domain.ReservationTerms;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * An appointment was set or moved: it is remembered for later reservations, and the assignment's
 * held reservations now expire at its end plus the grace period (never before ready plus grace).
 */
@Service
public class MoveExpiry {

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry EXPIRY_MOVES = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final CaseFacts caseFacts;
    private final Stocks stocks;
    private final ReservationTerms terms;

    MoveExpiry(CaseFacts caseFacts, Stocks stocks, ReservationTerms terms) {
        this.caseFacts = caseFacts;
        this.stocks = stocks;
        this.terms = terms;
    }

    public void appointmentEnds(String assignmentId, Instant windowEnd) {
        caseFacts.recordAppointmentEnd(assignmentId, windowEnd);
        for (var line : stocks.holdingReservationsOf(assignmentId)) {
            EXPIRY_MOVES.run(() -> {
                var stock = stocks.find(line.id()).orElseThrow();
                // One expiry for the assignment's units at this line: the latest any of them needs.
                var expiry = stock.reservations().stream()
                        .filter(r -> r.isFor(assignmentId))
                        .map(r -> terms.expiresAfterAppointment(windowEnd, r.readyAt()))
                        .max(Instant::compareTo);
                if (expiry.isPresent() && stock.expireAt(assignmentId, expiry.get())) {
                    stocks.save(stock);
                }
            });
        }
    }
}
