package dev.aftersales.followup.returncall.adapter.mongo;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The agents' backlog for the dashboard: return calls due now, and those due for more than a day.
 * Counted every {@code metrics-refresh} rather than per scrape: the due filter is a range, which
 * scans the collection on the embedded store (see {@link MongoReturnCalls}).
 */
@Component
class ReturnCallGauges implements SchedulingConfigurer {

    /** A due call not made within a day of its due time is overdue (the alert rule counts these). */
    static final Duration OVERDUE_AFTER = Duration.ofDays(1);

    private final ReturnCallDocuments documents;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final DatabaseGauges gauges;

    ReturnCallGauges(
            ReturnCallDocuments documents,
            Clock clock,
            FollowupProperties properties,
            MeterRegistry meters,
            Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.documents = documents;
        this.clock = clock;
        this.interval = properties.metricsRefresh();
        gauges.gauge(Gauge.builder("aftersales.returncalls.due", due, AtomicLong::get)
                .description("Return calls due now and not yet made"));
        gauges.gauge(Gauge.builder("aftersales.returncalls.overdue", overdue, AtomicLong::get)
                .description("Return calls due for more than a day and not yet made"));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, Duration.ZERO));
    }

    /** Counts and exports if this instance holds the service's database-gauges lease; withdraws otherwise. */
    void refresh() {
        gauges.refresh(this::count);
    }

    private void count() {
        var now = clock.instant();
        due.set(documents.countByCallStatusAndCallDueAtLessThanEqual(ReturnCallStatus.DUE, now));
        overdue.set(
                documents.countByCallStatusAndCallDueAtLessThanEqual(ReturnCallStatus.DUE, now.minus(OVERDUE_AFTER)));
    }
}
