package dev.aftersales.parts.reservation.application;

import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.stock.application.OptimisticRetry;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * An appointment was set or moved: it is remembered for later reservations, and the assignment's
 * held reservations now expire at its end plus the grace period (never before ready plus grace).
 */
@Service
public class MoveExpiry {

    private final CaseFacts caseFacts;
    private final Stocks stocks;
    private final PartsProperties properties;

    MoveExpiry(CaseFacts caseFacts, Stocks stocks, PartsProperties properties) {
        this.caseFacts = caseFacts;
        this.stocks = stocks;
        this.properties = properties;
    }

    public void appointmentEnds(String assignmentId, Instant windowEnd) {
        caseFacts.recordAppointmentEnd(assignmentId, windowEnd);
        for (var line : stocks.holdingReservationsOf(assignmentId)) {
            OptimisticRetry.run(() -> {
                var stock = stocks.find(line.id()).orElseThrow();
                var expiry = windowEnd.plus(properties.expiryGrace());
                for (var reservation : stock.reservations()) {
                    var earliest = reservation.readyAt().plus(properties.expiryGrace());
                    if (reservation.assignmentId().equals(assignmentId) && expiry.isBefore(earliest)) {
                        expiry = earliest;
                    }
                }
                boolean changed = stock.expireAt(assignmentId, expiry);
                if (changed) {
                    stocks.save(stock);
                }
                return changed;
            });
        }
    }
}
