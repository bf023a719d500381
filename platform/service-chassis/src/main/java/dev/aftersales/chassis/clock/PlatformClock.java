package dev.aftersales.chassis.clock;

import dev.aftersales.chassis.time.WallClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The business clock of the local stack: wall time plus the platform's offset, which OPS moves
 * forward through {@code /admin/clock} and every service follows. Time keeps flowing at the wall
 * clock's rate between advances.
 */
public final class PlatformClock extends Clock {

    private final WallClock wall;
    private volatile long offsetMillis;

    PlatformClock(WallClock wall) {
        this.wall = wall;
    }

    void offsetBy(long millis) {
        offsetMillis = millis;
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis);
    }

    @Override
    public Instant instant() {
        return wall.instant().plusMillis(offsetMillis);
    }

    @Override
    public long millis() {
        return wall.millis() + offsetMillis;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Business time is UTC; zones are applied where a day is needed (the business zone). */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** For the header and the banner: {@code platform 2026-12-30T10:00:00Z (+30d)}. */
    public String describe() {
        return "platform " + instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (" + ahead(offset())
                + ")";
    }

    /** To the nearest minute: an advance of 30 days reads +30d, not the 29d23h59m it is by a few milliseconds. */
    static String ahead(Duration exact) {
        var offset = Duration.ofMinutes(Math.round(exact.toMillis() / 60_000.0));
        if (offset.isZero()) {
            return "+0";
        }
        var out = new StringBuilder(offset.isNegative() ? "-" : "+");
        var abs = offset.abs();
        if (abs.toDays() > 0) {
            out.append(abs.toDays()).append('d');
        }
        if (abs.toHoursPart() > 0) {
            out.append(abs.toHoursPart()).append('h');
        }
        if (abs.toMinutesPart() > 0) {
            out.append(abs.toMinutesPart()).append('m');
        }
        return out.toString();
    }
}
