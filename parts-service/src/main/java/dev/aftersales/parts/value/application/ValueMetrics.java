package dev.aftersales.parts.value.application;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.parts.PartsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The book value of spare parts on hand after write-down, for the dashboard. Valued periodically
 * ({@code aftersales.parts.metrics-refresh}), not per scrape: a valuation reads every stock line.
 */
@Component
class ValueMetrics implements SchedulingConfigurer {

    private static final Duration FIRST_REFRESH = Duration.ofSeconds(5);

    private final ValueStock valueStock;
    private final Duration interval;
    private final AtomicReference<Double> bookValue = new AtomicReference<>(0.0);
    private final DatabaseGauges gauges;

    ValueMetrics(ValueStock valueStock, PartsProperties properties, MeterRegistry meters, Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.valueStock = valueStock;
        this.interval = properties.metricsRefresh();
        gauges.gauge(Gauge.builder("aftersales.parts.stock.value", bookValue, AtomicReference::get)
                .description("Book value of spare parts on hand after write-down"));
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
        bookValue.set(valueStock.value(null, null).bookValue().doubleValue());
    }
}
