package dev.aftersales.chassis.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link Sweep} with a schedule: the chassis runs {@link #runDue} every {@code interval} under the
 * lease {@code sweep/<name>}, so one instance scans at a time; {@link #sweep} runs it at the business
 * clock's now without the lease (tests, an operator's nudge).
 */
public abstract class ScheduledSweep implements Sweep {

    private final String name;
    private final Duration interval;
    private final Clock clock;

    protected ScheduledSweep(String name, Duration interval, Clock clock) {
        this.name = name;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<Duration> every() {
        return Optional.of(interval);
    }

    /** Runs at the business clock's now, lease or not. @return how many items it acted on */
    public int sweep() {
        return runDue(clock.instant());
    }
}
