package dev.aftersales.followup.care.application;

import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Creates the periodic care tasks that are due. The due time lives in the customer's document and
 * each task is created by a version-guarded save, so with two instances (or after a restart) a
 * task is created exactly once: the loser of a race skips that customer.
 */
@Service
public class SweepCareTasks implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SweepCareTasks.class);

    private final Customers customers;
    private final FollowupProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    SweepCareTasks(Customers customers, FollowupProperties properties, Clock clock, MeterRegistry meters) {
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder(
                        "aftersales.care.silent",
                        this,
                        s -> s.customers.countLastContactBy(s.clock.instant().minus(s.properties.silentAfter())))
                .description("Customers without contact for the silent period")
                .strongReference(true)
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        var interval = properties.careSweepInterval();
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    /** @return how many care tasks this sweep created */
    public int sweep() {
        var now = clock.instant();
        var created = 0;
        for (var customer : customers.careDueBy(now)) {
            var care = properties.tiers().get(customer.tier());
            if (care == null || "NONE".equals(care.task())) {
                continue;
            }
            var task = customer.fireCare(care.task(), care.period(), now);
            try {
                customers.save(customer);
            } catch (OptimisticLockingFailureException e) {
                log.info("care of customer {} was handled concurrently", customer.id());
                continue;
            }
            created++;
            meters.counter("aftersales.care.tasks", "kind", care.task(), "tier", customer.tier())
                    .increment();
            log.info("care task {} created", task.id());
        }
        return created;
    }
}
