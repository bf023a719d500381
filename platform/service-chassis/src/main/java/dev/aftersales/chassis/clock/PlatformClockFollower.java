package dev.aftersales.chassis.clock;

import dev.aftersales.chassis.time.Sweeps;
import dev.aftersales.chassis.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this service on the platform clock: learns the platform time before anything else starts
 * (a restarted service is not ready, and handles no event, before it knows it), then watches the
 * clock's steps. At each step it moves its business clock, runs its sweeps at the new time and
 * reports back; while an advance runs it keeps reporting whether it is settled (nothing left in its
 * outbox, nothing unhandled on the topics it consumes) and when its next work falls due.
 */
final class PlatformClockFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlatformClockFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String service;
    private final PlatformClock clock;
    private final PlatformClockStore store;
    private final Sweeps sweeps;
    private final BooleanSupplier settled;
    private final WallClock wall;
    private volatile PlatformClockStore.Step applied;
    private volatile Map<String, Integer> lastActed = Map.of();
    private volatile boolean running;
    private Thread thread;

    /** @param settled whether nothing this service raised waits to be published and nothing it consumes waits to be handled */
    PlatformClockFollower(
            String service,
            PlatformClock clock,
            PlatformClockStore store,
            Sweeps sweeps,
            BooleanSupplier settled,
            WallClock wall) {
        this.service = service;
        this.clock = clock;
        this.store = store;
        this.sweeps = sweeps;
        this.settled = settled;
        this.wall = wall;
    }

    /** True once the platform time is known: the readiness check waits for it. */
    boolean learned() {
        return applied != null;
    }

    /** The last step this service applied. */
    PlatformClockStore.Step applied() {
        return applied;
    }

    /** Reads the platform time and moves the business clock to it; retries until the store answers. */
    void learn() {
        while (true) {
            try {
                var step = store.current();
                clock.offsetBy(step.offsetMillis());
                applied = step;
                report(step, false);
                log.info("platform clock learned: {}", clock.describe());
                return;
            } catch (RuntimeException e) {
                log.warn("platform clock not readable yet, retrying: {}", e.toString());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void follow() {
        while (running) {
            try {
                var step = store.current();
                var known = applied;
                if (known == null || step.seq() > known.seq()) {
                    clock.offsetBy(step.offsetMillis());
                    lastActed = sweeps.runDue(clock.instant());
                    applied = step;
                    report(step, true);
                } else if (step.advancing()) {
                    report(step, true);
                }
            } catch (RuntimeException e) {
                log.warn("platform clock step failed, retrying: {}", e.toString());
            }
            sleep(POLL);
        }
    }

    private void report(PlatformClockStore.Step step, boolean check) {
        boolean settled = check && this.settled.getAsBoolean();
        store.report(new PlatformClockStore.Report(
                service,
                step.seq(),
                step.time() != null ? step.time() : clock.instant(),
                sweeps.nextDueAt().orElse(null),
                settled,
                wall.instant(),
                lastActed));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        learn();
        running = true;
        thread = new Thread(this::follow, "platform-clock");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First of all: no listener handles an event and no sweep runs before the platform time is known. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    Instant now() {
        return clock.instant();
    }
}
