package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.SlaPolicies;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SLA promises under {@code aftersales.intake.sla.*}, e.g. {@code on-site: 6h} for a brand that
 * promises faster visits, {@code kinds.INSTALLATION.on-site: 72h}, {@code tiers.KEY.first-answer: 2h}.
 * Checked at start-up: a zero or negative duration stops the service.
 */
@ConfigurationProperties("aftersales.intake.sla")
record SlaProperties(
        @DefaultValue("4h") Duration firstAnswer,
        @DefaultValue("24h") Duration onSite,
        @DefaultValue("30d") Duration resolution,
        Map<ComplaintKind, SlaPolicies.Override> kinds,
        Map<String, SlaPolicies.Override> tiers) {

    SlaPolicy policy() {
        return new SlaPolicy(firstAnswer, onSite, resolution);
    }

    SlaPolicies policies() {
        var policies = new SlaPolicies(
                policy(), kinds == null ? Map.of() : kinds, tiers == null ? Map.of() : new HashMap<>(tiers));
        // Fail at start-up, not on the first call of that kind or tier.
        for (var kind : ComplaintKind.values()) {
            policies.policyFor(kind, null);
            for (var tier : policies.tiers().keySet()) {
                policies.policyFor(kind, tier);
            }
        }
        return policies;
    }
}
