package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Gauges for the hotline dashboard: who is waiting for a first answer, how long, and how many open
 * cases are in each status. Counted by a periodic refresh rather than on every scrape, so that
 * several Prometheus servers cost the store one set of queries per interval; and counted by one
 * instance of the service (the holder of the database-gauges lease), so that the dashboards show the
 * backlog once however many instances run.
 */
@Component
public class CaseBacklogGauges implements SchedulingConfigurer {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong overdueActionCases = new AtomicLong();
    private final Map<ComplaintStatus, AtomicLong> open = new EnumMap<>(ComplaintStatus.class);
    private final Duration interval;
    private final DatabaseGauges gauges;

    CaseBacklogGauges(
            MongoTemplate mongo, Clock clock, MeterRegistry meters, IntakeProperties properties, Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.mongo = mongo;
        this.clock = clock;
        this.interval = properties.metricsRefresh();
        gauges.gauge(Gauge.builder("aftersales.intake.cases.unanswered", unanswered, AtomicLong::get)
                .description("Open cases whose customer has had no answer yet"));
        gauges.gauge(Gauge.builder("aftersales.intake.cases.unanswered.overdue", overdue, AtomicLong::get)
                .description("Open cases still without an answer after their first-answer deadline"));
        gauges.gauge(Gauge.builder("aftersales.intake.cases.unanswered.oldest", oldestSeconds, AtomicLong::get)
                .description("How long the customer waiting longest for an answer has waited")
                .baseUnit("seconds"));
        gauges.gauge(Gauge.builder("aftersales.resolution.actions.overdue.cases", overdueActionCases, AtomicLong::get)
                .description("Open cases with actions of their agreed resolution past the promised time and not done"));
        for (var status : ComplaintStatus.values()) {
            if (status.isOpen()) {
                var count = new AtomicLong();
                open.put(status, count);
                gauges.gauge(Gauge.builder("aftersales.intake.cases.open", count, AtomicLong::get)
                        .description("Open cases by status")
                        .tag("status", status.name()));
            }
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, interval));
    }

    /** Counts and exports if this instance holds the service's database-gauges lease; withdraws otherwise. */
    public void refresh() {
        gauges.refresh(this::count);
    }

    private void count() {
        var now = clock.instant();
        unanswered.set(mongo.count(Query.query(waiting()), "complaints"));
        overdue.set(mongo.count(Query.query(waiting().and("sla.firstAnswerDue").lte(now)), "complaints"));
        var oldest = Query.query(waiting()).with(Sort.by("registeredAt")).limit(1);
        oldest.fields().include("registeredAt");
        oldestSeconds.set(mongo.find(oldest, Document.class, "complaints").stream()
                .map(d -> d.getDate("registeredAt"))
                .filter(java.util.Objects::nonNull)
                .map(at -> Duration.between(at.toInstant(), now).toSeconds())
                .findFirst()
                .orElse(0L));
        overdueActionCases.set(
                mongo.count(Query.query(Criteria.where("overdueActions").gt(0)), "complaints"));
        open.forEach((status, count) ->
                count.set(mongo.count(Query.query(Criteria.where("status").is(status.name())), "complaints")));
    }

    /** Open cases whose customer has had no answer yet (the same filter as the supervisor's list). */
    private static Criteria waiting() {
        return Criteria.where("answered")
                .is(false)
                .and("status")
                .nin(ComplaintStatus.CLOSED.name(), ComplaintStatus.CANCELLED.name());
    }
}
