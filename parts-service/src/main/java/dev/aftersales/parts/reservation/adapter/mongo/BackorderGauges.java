package dev.aftersales.parts.reservation.adapter.mongo;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.reservation.domain.Backorder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * How many technicians are waiting for backordered parts and for how long: open backorders in all
 * and per dealer (the location that asked; locations are master data), and the age of the oldest.
 * Counted from the store periodically ({@code aftersales.parts.metrics-refresh}), so a scrape costs no query.
 */
@Component
class BackorderGauges implements SchedulingConfigurer {

    private static final Duration FIRST_REFRESH = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final MultiGauge waiting;
    private final Duration interval;
    private final DatabaseGauges gauges;

    BackorderGauges(MongoTemplate mongo, Clock clock, MeterRegistry meters, PartsProperties properties, Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.mongo = mongo;
        this.clock = clock;
        this.interval = properties.metricsRefresh();
        gauges.gauge(Gauge.builder("aftersales.parts.backorders.open", open, AtomicLong::get)
                .description("Backorders waiting for stock"));
        gauges.gauge(Gauge.builder("aftersales.parts.backorders.oldest", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest backorder still waiting for parts")
                .baseUnit("seconds"));
        this.waiting = gauges.multiGauge(MultiGauge.builder("aftersales.parts.backorders.waiting")
                .description("Backorders still waiting for parts, by the dealer that asked"));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // The first count soon after start-up, so the dashboards' dealer lines fill at once.
        var first = interval.compareTo(FIRST_REFRESH) < 0 ? interval : FIRST_REFRESH;
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, first));
    }

    /** Counts and exports if this instance holds the service's database-gauges lease; withdraws otherwise. */
    void refresh() {
        gauges.refresh(this::count);
    }

    private void count() {
        var now = clock.instant();
        var perDealer = new HashMap<String, Long>();
        // Every stocked location shows, at zero when nothing waits, so a dealer's line never just vanishes.
        for (var location : mongo.getCollection("stock").distinct("locationId", String.class)) {
            perDealer.put(location, 0L);
        }
        long oldest = 0;
        long waitingInAll = 0;
        // Grouped by the store: one row per dealer comes back, however many backorders wait.
        for (var dealer : mongo.getCollection("backorders")
                .aggregate(List.of(
                        Aggregates.match(
                                Filters.in("status", Backorder.Status.WAITING.name(), Backorder.Status.SERVING.name())),
                        Aggregates.group(
                                "$locationId",
                                Accumulators.sum("waiting", 1),
                                Accumulators.min("since", "$backorderedAt"))))) {
            var dealerId = dealer.get("_id") instanceof String id ? id : "unknown";
            long waitingThere = ((Number) dealer.get("waiting")).longValue();
            perDealer.merge(dealerId, waitingThere, Long::sum);
            waitingInAll += waitingThere;
            if (dealer.get("since") instanceof Date at) {
                oldest = Math.max(oldest, Duration.between(at.toInstant(), now).toSeconds());
            }
        }
        open.set(waitingInAll);
        oldestSeconds.set(oldest);
        var rows = new ArrayList<MultiGauge.Row<?>>();
        perDealer.forEach((dealer, count) -> rows.add(MultiGauge.Row.of(Tags.of("dealer", dealer), count)));
        waiting.register(rows, true);
    }
}
