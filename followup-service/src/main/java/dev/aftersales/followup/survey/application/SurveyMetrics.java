package dev.aftersales.followup.survey.application;

import dev.aftersales.followup.casefile.domain.FollowupState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What answered surveys count: the customers' overall satisfaction (1–5), and how each survey moved
 * the case's satisfaction loop ({@code aftersales.followup.rounds}: satisfied, dissatisfied or
 * escalated, by round).
 */
@Component
class SurveyMetrics {

    private final MeterRegistry meters;
    private final DistributionSummary satisfaction;

    SurveyMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.satisfaction = DistributionSummary.builder("aftersales.survey.satisfaction")
                .description("Overall satisfaction 1-5 of answered surveys")
                .register(meters);
    }

    void answered(int satisfaction) {
        this.satisfaction.record(satisfaction);
    }

    /** @param after where the loop stands after the survey of {@code round}; OPEN means dissatisfied, next round */
    void roundEnded(int round, FollowupState after) {
        var outcome =
                after == FollowupState.OPEN ? "dissatisfied" : after.name().toLowerCase(Locale.ROOT);
        Counter.builder("aftersales.followup.rounds")
                .description("Satisfaction rounds ended by a survey, by outcome and round")
                .tag("outcome", outcome)
                .tag("round", Integer.toString(round))
                .register(meters)
                .increment();
    }
}
