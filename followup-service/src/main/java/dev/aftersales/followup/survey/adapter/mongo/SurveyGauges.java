package dev.aftersales.followup.survey.adapter.mongo;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.DatabaseGauges;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.survey.domain.ServqualDimension;
import dev.aftersales.followup.survey.domain.ServqualScore;
import dev.aftersales.followup.survey.domain.Survey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Satisfaction over all answered surveys for the dashboard: the mean SERVQUAL gap overall and per
 * dimension (the mean over customers, as the scores API computes it) and the mean satisfaction.
 * Computed every {@code metrics-refresh} from a scan of the surveys (see {@link MongoSurveys}), not
 * per scrape; NaN while no survey is answered.
 */
@Component
class SurveyGauges implements SchedulingConfigurer {

    /** What the gauges show, replaced whole by each refresh. */
    private record Satisfaction(Map<ServqualDimension, Double> gaps, double overallGap, double meanSatisfaction) {
        static final Satisfaction NONE = new Satisfaction(Map.of(), Double.NaN, Double.NaN);
    }

    private final SurveyDocuments documents;
    private final Duration interval;
    private final AtomicReference<Satisfaction> latest = new AtomicReference<>(Satisfaction.NONE);
    private final DatabaseGauges gauges;

    SurveyGauges(SurveyDocuments documents, FollowupProperties properties, MeterRegistry meters, Leases leases) {
        this.gauges = DatabaseGauges.of(meters, leases);
        this.documents = documents;
        this.interval = properties.metricsRefresh();
        for (var dimension : ServqualDimension.values()) {
            gauges.gauge(Gauge.builder(
                            "aftersales.servqual.gap",
                            latest,
                            l -> l.get().gaps().getOrDefault(dimension, Double.NaN))
                    .description("Mean SERVQUAL gap (perception - expectation) over all customers")
                    .tag("dimension", dimension.name()));
        }
        gauges.gauge(
                Gauge.builder("aftersales.servqual.gap", latest, l -> l.get().overallGap())
                        .description("Mean SERVQUAL gap (perception - expectation) over all customers")
                        .tag("dimension", "OVERALL"));
        gauges.gauge(Gauge.builder(
                        "aftersales.survey.satisfaction.mean",
                        latest,
                        l -> l.get().meanSatisfaction())
                .description("Mean overall satisfaction 1-5 over all answered surveys"));
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
        var surveys = documents.findAll().stream().map(SurveyDocument::toSurvey).toList();
        if (surveys.isEmpty()) {
            latest.set(Satisfaction.NONE);
            return;
        }
        var score = ServqualScore.meanOf(surveys.stream().map(Survey::score).toList());
        var satisfaction =
                surveys.stream().mapToInt(Survey::satisfaction).average().orElseThrow();
        latest.set(new Satisfaction(score.byDimension(), score.overall(), satisfaction));
    }
}
