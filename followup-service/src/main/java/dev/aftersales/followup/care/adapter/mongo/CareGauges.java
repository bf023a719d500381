package dev.aftersales.followup.care.adapter.mongo;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.followup.FollowupProperties;
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
 * The silent customers for the dashboard: no contact for {@code silent-after}. Counted every
 * {@code metrics-refresh} rather than per scrape (the filter is a range, see {@link MongoCustomers}).
 */
@Component
class CareGauges implements SchedulingConfigurer {

    private final CustomerDocuments documents;
    private final Clock clock;
    private final Duration silentAfter;
    private final Duration interval;
    private final AtomicLong silent = new AtomicLong();
    private final DatabaseGauges gauges;

    CareGauges(
            CustomerDocuments documents,
            Clock clock,
            FollowupProperties properties,
            MeterRegistry meters,
            Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.documents = documents;
        this.clock = clock;
        this.silentAfter = properties.silentAfter();
        this.interval = properties.metricsRefresh();
        gauges.gauge(Gauge.builder("aftersales.care.silent", silent, AtomicLong::get)
                .description("Customers without contact for the silent period"));
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
        silent.set(documents.countByCustomerLastContactAtLessThanEqual(
                clock.instant().minus(silentAfter)));
    }
}
