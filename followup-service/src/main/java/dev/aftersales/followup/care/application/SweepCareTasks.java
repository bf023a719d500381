package dev.aftersales.followup.care.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.time.ScheduledSweep;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates the periodic care tasks that are due. The due time lives in the customer's document and
 * each task is created by a version-guarded save, so with two instances (or after a restart) a
 * task is created exactly once: the loser of a race skips that customer (the winner created the
 * task, or the next sweep looks again).
 */
@Service
public class SweepCareTasks extends ScheduledSweep {

    private static final Logger log = LoggerFactory.getLogger(SweepCareTasks.class);

    private final Customers customers;
    private final FollowupProperties properties;
    private final CareMetrics metrics;

    SweepCareTasks(Customers customers, FollowupProperties properties, Clock clock, CareMetrics metrics) {
        super("care-tasks", properties.careSweepInterval(), clock);
        this.customers = customers;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return customers.nextCareDue();
    }

    /** @return how many care tasks this sweep created */
    @Override
    public int runDue(Instant now) {
        var created = 0;
        for (var customer : customers.careDueBy(now)) {
            var care = properties.tiers().get(customer.tier());
            if (care == null || "NONE".equals(care.task())) {
                continue;
            }
            var task = customer.fireCare(care.task(), care.period(), now);
            if (!ConflictRetry.unlessOvertaken(() -> customers.save(customer))) {
                log.info("care of customer {} was handled concurrently", customer.id());
                continue;
            }
            created++;
            metrics.taskCreated(care.task(), customer.tier());
            log.info("care task {} created", task.id());
        }
        return created;
    }
}
