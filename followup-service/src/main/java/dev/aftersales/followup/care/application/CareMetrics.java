package dev.aftersales.followup.care.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What proactive care counts: the care tasks created, by kind (VISIT, CALL) and tier. */
@Component
class CareMetrics {

    private final MeterRegistry meters;

    CareMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void taskCreated(String kind, String tier) {
        Counter.builder("aftersales.care.tasks")
                .description("Periodic care tasks created, by kind and customer tier")
                .tag("kind", kind)
                .tag("tier", tier)
                .register(meters)
                .increment();
    }
}
