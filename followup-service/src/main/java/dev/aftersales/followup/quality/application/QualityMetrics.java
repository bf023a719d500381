package dev.aftersales.followup.quality.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the quality loop counts: every fault reported on a machine as a repeat or a first failure
 * (the repeat-failure rate, both at zero from start-up), and repeat failures by model.
 */
@Component
class QualityMetrics {

    private final MeterRegistry meters;
    private final Counter repeatFaults;
    private final Counter firstFaults;

    QualityMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.repeatFaults = faults("repeat");
        this.firstFaults = faults("first");
    }

    void faultReported(boolean repeat, String model) {
        (repeat ? repeatFaults : firstFaults).increment();
        if (repeat) {
            Counter.builder("aftersales.quality.repeat.failures")
                    .description("Repeat failures, by model")
                    .tag("model", modelTag(model))
                    .register(meters)
                    .increment();
        }
    }

    /** Catalog model names are a bounded set; anything else typed into the form counts as OTHER. */
    static String modelTag(String model) {
        if (model == null) {
            return "OTHER";
        }
        var tag = model.strip().toUpperCase(Locale.ROOT);
        return tag.matches("[A-Z][A-Z0-9-]{0,23}") ? tag : "OTHER";
    }

    private Counter faults(String outcome) {
        return Counter.builder("aftersales.quality.faults")
                .description("Faults reported on known machines: a repeat failure or a first one")
                .tag("outcome", outcome)
                .register(meters);
    }
}
