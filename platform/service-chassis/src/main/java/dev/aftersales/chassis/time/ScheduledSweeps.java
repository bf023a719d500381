package dev.aftersales.chassis.time;

import dev.aftersales.chassis.lease.Leases;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs every scheduled {@link Sweep} on its fixed delay at the business clock's now, each under its
 * own lease {@code sweep/<name>}: the instance holding it scans, the others skip the run. The
 * sweeps' writes are guarded anyway (an item is acted on once even if two instances sweep); the
 * lease keeps N instances from scanning the same due items N times.
 */
public final class ScheduledSweeps implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSweeps.class);

    private final List<Sweep> sweeps;
    private final Leases leases;
    private final Clock clock;

    public ScheduledSweeps(List<Sweep> sweeps, Leases leases, Clock clock) {
        this.sweeps = sweeps;
        this.leases = leases;
        this.clock = clock;
    }

    /** The lease a sweep's scheduled runs take, e.g. {@code sweep/sla-clocks}. */
    public static String leaseName(Sweep sweep) {
        return "sweep/" + sweep.name();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        for (var sweep : sweeps) {
            sweep.every().ifPresent(interval -> {
                var lease = leases.lease(leaseName(sweep));
                tasks.addFixedDelayTask(new FixedDelayTask(() -> runUnder(sweep, lease), interval, interval));
            });
        }
    }

    private void runUnder(Sweep sweep, dev.aftersales.chassis.lease.Lease lease) {
        try {
            lease.runIfHeld(() -> sweep.runDue(clock.instant()));
        } catch (RuntimeException e) {
            log.warn("sweep {} failed; its due items stay due: {}", sweep.name(), e.toString());
        }
    }
}
