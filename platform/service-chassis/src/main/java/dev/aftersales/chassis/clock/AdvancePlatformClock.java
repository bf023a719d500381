package dev.aftersales.chassis.clock;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the platform clock forward the way living through the time would: in steps to each next
 * due time any service reports (never past the target), where every service applies the step,
 * runs its sweeps, and the platform settles (what they raised is published and handled) before the
 * next step. So an offer that times out offers the next candidate, whose own timeout then falls
 * in a later step. Never backwards.
 */
final class AdvancePlatformClock {

    private static final Logger log = LoggerFactory.getLogger(AdvancePlatformClock.class);

    /** What an advance did. */
    record Advanced(Instant from, Instant to, int steps, List<PlatformClockStore.Report> services) {}

    private final PlatformClockStore store;
    private final PlatformClock clock;
    private final WallClock wall;
    private final Set<String> services;
    private final Duration minStep;
    private final Duration stepTimeout;
    private final int maxSteps;

    AdvancePlatformClock(
            PlatformClockStore store,
            PlatformClock clock,
            WallClock wall,
            Set<String> services,
            Duration minStep,
            Duration stepTimeout,
            int maxSteps) {
        this.store = store;
        this.clock = clock;
        this.wall = wall;
        this.services = new TreeSet<>(services);
        this.minStep = minStep;
        this.stepTimeout = stepTimeout;
        this.maxSteps = maxSteps;
    }

    /** Advances by {@code by} (positive). */
    Advanced by(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new InvalidRequestException("by", "the platform clock only moves forward: give a positive duration");
        }
        return to(clock.instant().plus(by), "by");
    }

    /**
     * Advances to {@code target}, which must not be before the platform time.
     *
     * @param field the request field the target came from, named when it is refused
     */
    synchronized Advanced to(Instant target, String field) {
        var from = clock.instant();
        if (target.isBefore(from)) {
            throw new InvalidRequestException(
                    field, "the platform clock only moves forward: it is " + from + " already");
        }
        int steps = 0;
        var at = from;
        try {
            // A first step at the current time: every service reports afresh what falls due next.
            at = step(from);
            steps++;
            while (at.isBefore(target) && steps < maxSteps) {
                var next = nextDue();
                var to = next == null || !next.isBefore(target) ? target : latest(next, at.plus(minStep));
                to = latest(to, clock.instant());
                if (to.isAfter(target)) {
                    to = latest(target, clock.instant());
                }
                at = step(to);
                steps++;
            }
            if (steps >= maxSteps && at.isBefore(target)) {
                log.warn("platform clock advance stopped after {} steps at {}, short of {}", steps, at, target);
            }
        } finally {
            store.advancing(false);
        }
        log.info("platform clock advanced from {} to {} in {} steps", from, at, steps);
        return new Advanced(from, at, steps, store.reports());
    }

    private Instant nextDue() {
        return store.reports().stream()
                .filter(r -> services.contains(r.service()))
                .map(PlatformClockStore.Report::nextDueAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** @return the step's time: {@code to} to the millisecond above (the store keeps milliseconds) */
    private Instant step(Instant exact) {
        var to = exact.truncatedTo(ChronoUnit.MILLIS);
        if (to.isBefore(exact)) {
            to = to.plusMillis(1);
        }
        var seq = store.current().seq() + 1;
        var offset = to.toEpochMilli() - wall.millis();
        // Never behind where the clock already is (time flowed while the last step settled).
        offset = Math.max(offset, clock.offset().toMillis());
        store.write(new PlatformClockStore.Step(seq, offset, to, true));
        clock.offsetBy(offset);
        var deadline = wall.instant().plus(stepTimeout);
        await(seq, wall.instant(), deadline, "apply step " + seq);
        // Settled twice, each time in reports made after the last look: an event published just
        // before a service's first report is seen as unhandled by its consumer's second one.
        await(seq, wall.instant(), deadline, "settle step " + seq);
        return to;
    }

    private void await(long seq, Instant after, Instant deadline, String what) {
        while (true) {
            var missing = new ArrayList<String>(services);
            for (var report : store.reports()) {
                if (report.seq() >= seq
                        && report.settled()
                        && report.checkedAt().isAfter(after)) {
                    missing.remove(report.service());
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (wall.instant().isAfter(deadline)) {
                throw new ClockStepTimedOut(what, missing);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClockStepTimedOut(what, missing);
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A service did not apply or settle a step in time (stopped, or still busy). */
    static final class ClockStepTimedOut extends RuntimeException {
        final List<String> missing;

        ClockStepTimedOut(String what, List<String> missing) {
            super("platform clock could not " + what + ": no report from " + missing);
            this.missing = missing;
        }
    }
}
