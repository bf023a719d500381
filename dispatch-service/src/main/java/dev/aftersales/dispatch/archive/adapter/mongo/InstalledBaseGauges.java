package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.dispatch.DispatchProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Machines in the archive per dealer, tagged with the dealer's region. Besides the installed base
 * itself, the series tell the dashboards which dealers belong to which region (the region filter
 * lists these dealers). Dealers and regions are master data, a bounded set.
 */
@Component
class InstalledBaseGauges implements SchedulingConfigurer {

    private static final Duration FIRST_REFRESH = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final MultiGauge installations;
    private final Duration interval;
    private final DatabaseGauges gauges;

    InstalledBaseGauges(MongoTemplate mongo, MeterRegistry meters, DispatchProperties properties, Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.mongo = mongo;
        this.interval = properties.metricsRefresh();
        this.installations = gauges.multiGauge(MultiGauge.builder("aftersales.archive.installations")
                .description("Machines in the archive, by dealer and the dealer's region"));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // The first count soon after start-up, so the dashboards' dealer lists fill at once.
        var first = interval.compareTo(FIRST_REFRESH) < 0 ? interval : FIRST_REFRESH;
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, first));
    }

    /** Counts and exports if this instance holds the service's database-gauges lease; withdraws otherwise. */
    void refresh() {
        gauges.refresh(this::count);
    }

    private void count() {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        for (var dealer : mongo.getCollection("dealers").find()) {
            var id = dealer.getString("_id");
            var region = dealer.getString("regionCode");
            // counted on the installations' dealerId index, one dealer at a time, not by reading every machine
            var machines = mongo.getCollection("installations").countDocuments(new Document("dealerId", id));
            rows.add(MultiGauge.Row.of(Tags.of("dealer", id, "region", region == null ? "unknown" : region), machines));
        }
        installations.register(rows, true);
    }
}
