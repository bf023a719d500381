package dev.aftersales.parts.reservation.application;

import dev.aftersales.parts.stock.application.OptimisticRetry;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives reserved units back to stock: those not consumed by their expiry (the sweep), or all of a
 * complaint's (cancellation). Each line is changed by a version-guarded save that also holds its
 * ReservationReleased events, so a reservation is released exactly once, however many sweeps run
 * and wherever one was stopped; the freed units then serve the part's backorders.
 */
@Service
public class ReleaseReservations {

    private static final Logger log = LoggerFactory.getLogger(ReleaseReservations.class);

    private final Stocks stocks;
    private final ServeBackorders serveBackorders;
    private final Clock clock;
    private final Counter released;

    ReleaseReservations(Stocks stocks, ServeBackorders serveBackorders, Clock clock, MeterRegistry meters) {
        this.stocks = stocks;
        this.serveBackorders = serveBackorders;
        this.clock = clock;
        this.released = Counter.builder("aftersales.parts.released")
                .description("Reservations given back to stock, expired or cancelled")
                .register(meters);
    }

    /**
     * Releases the expired reservations of at most {@code maxLines} stock lines.
     *
     * @return the reservations released by this call
     */
    public int releaseExpired(int maxLines) {
        var now = clock.instant();
        int count = 0;
        for (var line : stocks.withExpiryDueBy(now).stream().limit(maxLines).toList()) {
            count += afterRelease(
                    line.locationId(),
                    line.partNumber(),
                    OptimisticRetry.run(() -> stocks.find(line.id())
                            .map(stock -> {
                                var gone = stock.releaseExpired(now);
                                if (!gone.isEmpty()) {
                                    stocks.save(stock);
                                }
                                return gone;
                            })
                            .orElse(List.of())));
        }
        return count;
    }

    /** Releases what is still held for the complaint (its visit will not happen). */
    public int releaseComplaint(String complaintId, String reason) {
        var now = clock.instant();
        int count = 0;
        for (var line : stocks.holdingReservationsOfComplaint(complaintId)) {
            count += afterRelease(
                    line.locationId(),
                    line.partNumber(),
                    OptimisticRetry.run(() -> stocks.find(line.id())
                            .map(stock -> {
                                var gone = stock.releaseComplaint(complaintId, reason, now);
                                if (!gone.isEmpty()) {
                                    stocks.save(stock);
                                }
                                return gone;
                            })
                            .orElse(List.of())));
        }
        return count;
    }

    private int afterRelease(String locationId, String partNumber, List<Reservation> gone) {
        if (gone.isEmpty()) {
            return 0;
        }
        released.increment(gone.size());
        gone.forEach(r -> log.info("reservation {} released at {}", r.requestId(), locationId));
        serveBackorders.serveAt(locationId, partNumber);
        return gone.size();
    }
}
