package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.time.ScheduledSweep;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs the expiry release periodically ({@code aftersales.parts.expiry-sweep-interval}, default 5 min),
 * scheduled by the chassis under its lease, and at each step of the platform clock.
 */
@Component
class ExpirySweep extends ScheduledSweep {

    /** Lines per run; the rest wait for the next run. */
    static final int LINES_PER_RUN = 500;

    private final ReleaseReservations release;
    private final Stocks stocks;

    ExpirySweep(ReleaseReservations release, Stocks stocks, PartsProperties properties, Clock clock) {
        super("reservation-expiry", properties.expirySweepInterval(), clock);
        this.release = release;
        this.stocks = stocks;
    }

    @Override
    public int runDue(Instant now) {
        return release.releaseExpired(now, LINES_PER_RUN);
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return stocks.nextExpiry();
    }
}
