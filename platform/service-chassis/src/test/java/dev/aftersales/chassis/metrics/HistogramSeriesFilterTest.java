package dev.aftersales.chassis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistogramSeriesFilterTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    HistogramSeriesFilterTest() {
        registry.config().meterFilter(new HistogramSeriesFilter());
    }

    @Test
    void a_business_timer_keeps_its_service_level_buckets() {
        Timer.builder("aftersales.visits.time-to-arrive")
                .tag("sla", "MET")
                .serviceLevelObjectives(Duration.ofHours(6), Duration.ofHours(24))
                .register(registry)
                .record(Duration.ofHours(5));

        assertThat(registry.scrape())
                .contains("aftersales_visits_time_to_arrive_seconds_bucket{sla=\"MET\",le=\"21600.0\"} 1");
    }

    @Test
    void a_timer_tagged_per_dealer_or_technician_has_no_buckets_but_still_counts() {
        Timer.builder("aftersales.visits.time-to-arrive")
                .tag("dealer", "D-1")
                .serviceLevelObjectives(Duration.ofHours(6), Duration.ofHours(24))
                .register(registry)
                .record(Duration.ofHours(5));
        Timer.builder("aftersales.jobs.done")
                .tag("technician", "T-1")
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofMinutes(5));

        var scrape = registry.scrape();
        assertThat(scrape).doesNotContain("_bucket");
        assertThat(scrape)
                .contains("aftersales_visits_time_to_arrive_seconds_count{dealer=\"D-1\"} 1")
                .contains("aftersales_jobs_done_seconds_count{technician=\"T-1\"} 1");
    }
}
