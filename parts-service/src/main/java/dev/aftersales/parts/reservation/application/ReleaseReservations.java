package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives reserved units back to stock: those not consumed by their expiry (the sweep), or all of a
 * complaint's or an assignment's (cancellation, withdrawal). Each line is changed by a version-guarded save that also holds its
 * ReservationReleased events, so a reservation is released exactly once, however many sweeps run
 * and wherever one was stopped. The line announces the freed units (StockReplenished) in the same
 * save, which is how the part's backorders get them.
 */
@Service
public class ReleaseReservations {

    private static final Logger log = LoggerFactory.getLogger(ReleaseReservations.class);

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry RELEASES = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Stocks stocks;
    private final Clock clock;
    private final ReservationMetrics metrics;

    ReleaseReservations(Stocks stocks, Clock clock, ReservationMetrics metrics) {
        this.stocks = stocks;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Releases the expired reservations of at most {@code maxLines} stock lines.
     *
     * @return the reservations released by this call
     */
    public int releaseExpired(int maxLines) {
        return releaseExpired(clock.instant(), maxLines);
    }

    /** Releases the reservations expired by {@code now} (business time) of at most {@code maxLines} lines. */
    public int releaseExpired(Instant now, int maxLines) {
        int count = 0;
        for (var lineId : stocks.dueForExpiry(now, maxLines)) {
            count += releaseAt(lineId, stock -> stock.releaseExpired(now));
        }
        return count;
    }

    /** Releases what is still held for the complaint (its visit will not happen). */
    public int releaseComplaint(String complaintId, String reason) {
        var now = clock.instant();
        int count = 0;
        for (var line : stocks.holdingReservationsOfComplaint(complaintId)) {
            count += releaseAt(line.id(), stock -> stock.releaseComplaint(complaintId, reason, now));
        }
        return count;
    }

    /**
     * Releases what is still held for the assignment (it was withdrawn: settled by phone, closed,
     * merged, cancelled, handed over). A redelivery finds nothing held and releases nothing.
     */
    public int releaseAssignment(String assignmentId, String reason) {
        var now = clock.instant();
        int count = 0;
        for (var line : stocks.holdingReservationsOf(assignmentId)) {
            count += releaseAt(line.id(), stock -> stock.releaseAssignment(assignmentId, reason, now));
        }
        return count;
    }

    /** Reads the line afresh and releases there, saved under its version; a conflict reads it again. */
    private int releaseAt(String lineId, Function<Stock, List<Reservation>> release) {
        var gone = RELEASES.run(() -> stocks.find(lineId)
                .map(stock -> {
                    var released = release.apply(stock);
                    if (!released.isEmpty()) {
                        stocks.save(stock);
                    }
                    return released;
                })
                .orElse(List.of()));
        if (!gone.isEmpty()) {
            metrics.released(gone.size());
            gone.forEach(r -> log.info("reservation {} released at {}", r.requestId(), lineId));
        }
        return gone.size();
    }
}
