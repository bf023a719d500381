package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.SlaClock;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import io.micrometer.core.instrument.Counter;
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
 * several Prometheus servers cost the store one set of queries per interval.
 */
@Component
public class CaseBacklogMetrics implements SchedulingConfigurer {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final Map<ComplaintStatus, AtomicLong> open = new EnumMap<>(ComplaintStatus.class);
    private final Duration interval;

    CaseBacklogMetrics(MongoTemplate mongo, Clock clock, MeterRegistry meters, IntakeProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.interval = properties.metricsRefresh();
        Gauge.builder("aftersales.intake.cases.unanswered", unanswered, AtomicLong::get)
                .description("Open cases whose customer has had no answer yet")
                .register(meters);
        Gauge.builder("aftersales.intake.cases.unanswered.overdue", overdue, AtomicLong::get)
                .description("Open cases still without an answer after their first-answer deadline")
                .register(meters);
        Gauge.builder("aftersales.intake.cases.unanswered.oldest", oldestSeconds, AtomicLong::get)
                .description("How long the customer waiting longest for an answer has waited")
                .baseUnit("seconds")
                .register(meters);
        for (var status : ComplaintStatus.values()) {
            if (status != ComplaintStatus.CLOSED) {
                var count = new AtomicLong();
                open.put(status, count);
                Gauge.builder("aftersales.intake.cases.open", count, AtomicLong::get)
                        .description("Open cases by status")
                        .tag("status", status.name())
                        .register(meters);
            }
        }
        // The hotline's counters from the start (same names and descriptions as where they count),
        // so a first repeat call, escalation or reopening is a visible step from zero.
        Counter.builder("aftersales.intake.calls.repeated")
                .description("Calls about a machine that already had an open case")
                .register(meters);
        Counter.builder("aftersales.intake.cases.escalated")
                .description("Cases whose priority rose because the customer kept calling")
                .register(meters);
        meters.counter("aftersales.intake.cases.closed");
        meters.counter("aftersales.intake.cases.reopened");
        // Every clock and kind from the start, so a first breach is a visible step from zero.
        for (var slaClock : SlaClock.values()) {
            for (var kind : ComplaintKind.values()) {
                Counter.builder("aftersales.sla.breaches")
                        .description("SLA clocks that passed their deadline, by clock and kind of complaint")
                        .tag("clock", slaClock.name())
                        .tag("kind", kind.name())
                        .register(meters);
            }
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, interval));
    }

    public void refresh() {
        var now = clock.instant();
        var waiting = Criteria.where("answered").is(false).and("status").ne(ComplaintStatus.CLOSED.name());
        unanswered.set(mongo.count(Query.query(waiting), "complaints"));
        overdue.set(mongo.count(
                Query.query(Criteria.where("answered")
                        .is(false)
                        .and("status")
                        .ne(ComplaintStatus.CLOSED.name())
                        .and("sla.firstAnswerDue")
                        .lte(now)),
                "complaints"));
        var oldest = Query.query(waiting).with(Sort.by("registeredAt")).limit(1);
        oldest.fields().include("registeredAt");
        oldestSeconds.set(mongo.find(oldest, Document.class, "complaints").stream()
                .map(d -> d.getDate("registeredAt"))
                .filter(java.util.Objects::nonNull)
                .map(at -> Duration.between(at.toInstant(), now).toSeconds())
                .findFirst()
                .orElse(0L));
        open.forEach((status, count) ->
                count.set(mongo.count(Query.query(Criteria.where("status").is(status.name())), "complaints")));
    }
}
