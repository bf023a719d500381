package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SLA promises under {@code aftersales.intake.sla.*}, e.g. {@code on-site: 6h} for a brand that
 * promises faster visits. Checked at start-up: a zero or negative duration stops the service.
 */
@ConfigurationProperties("aftersales.intake.sla")
record SlaProperties(
        @DefaultValue("4h") Duration firstAnswer,
        @DefaultValue("24h") Duration onSite,
        @DefaultValue("30d") Duration resolution) {

    SlaPolicy policy() {
        return new SlaPolicy(firstAnswer, onSite, resolution);
    }
}
