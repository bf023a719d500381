package dev.aftersales.chassis.time;

import java.time.Clock;
import java.time.Instant;

/**
 * The wall clock, for everything technical: idempotency keys and claim leases, outbox grace and
 * republishing, token expiry, retry back-off, rate limits, snapshots, stream windows. It never
 * follows the business clock (the injected {@link Clock}), which a training run may move a month
 * ahead: a key kept for a day must still be kept for a day of real time, and the broker refuses
 * record timestamps far ahead of its own clock.
 *
 * <p>Its own type, so that an architecture rule can say where it may be used (technical and
 * adapter packages, never domain or use cases) and the two clocks are never mixed by accident.
 */
public final class WallClock {

    private static final WallClock SYSTEM = new WallClock(Clock.systemUTC());

    private final Clock clock;

    private WallClock(Clock clock) {
        this.clock = clock;
    }

    /** The machine's clock (UTC). */
    public static WallClock system() {
        return SYSTEM;
    }

    /** A wall clock reading {@code clock}, for tests that need to move real time. */
    public static WallClock of(Clock clock) {
        return new WallClock(clock);
    }

    public Instant instant() {
        return clock.instant();
    }

    public long millis() {
        return clock.millis();
    }

    /** This wall clock as a {@link Clock}, for libraries that take one (never injected as the business clock). */
    public Clock asClock() {
        return clock;
    }
}
