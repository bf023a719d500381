package dev.aftersales.dispatch.assignment.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The escalated cases waiting on the dispatcher's list: how many, and how long the oldest has waited
 * since the rule chain gave up ({@code aftersales_assignments_escalated_oldest_seconds}, which the
 * EscalatedCasesWaiting alert reads). Counted every {@code metrics-refresh}; no tags.
 */
@Component
class EscalatedWaitGauges implements SchedulingConfigurer {

    private static final Duration FIRST_REFRESH = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final DatabaseGauges gauges;

    EscalatedWaitGauges(
            MongoTemplate mongo, Clock clock, MeterRegistry meters, DispatchProperties properties, Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.mongo = mongo;
        this.clock = clock;
        this.interval = properties.metricsRefresh();
        gauges.gauge(Gauge.builder("aftersales.assignments.escalated.waiting", waiting, AtomicLong::get)
                .description("Escalated cases waiting for a dispatcher"));
        gauges.gauge(Gauge.builder("aftersales.assignments.escalated.oldest", oldestSeconds, AtomicLong::get)
                .description("How long the oldest escalated case has waited for a dispatcher")
                .baseUnit("seconds"));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        var first = interval.compareTo(FIRST_REFRESH) < 0 ? interval : FIRST_REFRESH;
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, first));
    }

    /** Counts and exports if this instance holds the service's database-gauges lease; withdraws otherwise. */
    void refresh() {
        gauges.refresh(this::count);
    }

    private void count() {
        var now = clock.instant();
        long count = 0;
        Instant oldest = null;
        var escalated = query(where("status").is(AssignmentStatus.ESCALATED.name()));
        escalated.fields().include("decidedAt");
        for (var doc : mongo.find(escalated, Document.class, "assignments")) {
            count++;
            var decided = doc.getDate("decidedAt");
            if (decided != null && (oldest == null || decided.toInstant().isBefore(oldest))) {
                oldest = decided.toInstant();
            }
        }
        waiting.set(count);
        oldestSeconds.set(
                oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
    }
}
