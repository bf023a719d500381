package dev.aftersales.chassis.idempotency;

import dev.aftersales.chassis.lease.Lease;
import dev.aftersales.chassis.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Removes idempotency keys past their retention, on every store: the embedded one has no TTL
 * indexes. One instance sweeps at a time (a lease); two sweeping at once would only remove the same keys.
 */
public class IdempotencyKeySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeySweep.class);

    private final IdempotencyKeys keys;
    private final WallClock clock;
    private final Duration interval;
    private volatile ScheduledExecutorService scheduler;

    private final Lease lease;

    /** @param lease held by the instance that sweeps: one instance scans the keys at a time */
    IdempotencyKeySweep(IdempotencyKeys keys, WallClock clock, Duration interval, Lease lease) {
        this.lease = lease;
        this.keys = keys;
        this.clock = clock;
        this.interval = interval;
    }

    /** @return how many keys whose retention ended before {@code now} were removed */
    public long sweep(Instant now) {
        var removed = keys.sweep(now);
        if (removed > 0) {
            log.info("removed {} idempotency keys past their retention", removed);
        }
        return removed;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "idempotency-key-sweep");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            if (!lease.acquire()) {
                return;
            }
            sweep(clock.instant());
        } catch (RuntimeException e) {
            log.warn("idempotency key sweep failed, next one in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
