package dev.aftersales.intake;

import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.SlaPolicies;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake's settings, under {@code aftersales.intake}: every key of the service in one place.
 *
 * @param escalateAtCall the call about one open case at which its priority rises (at least 2)
 * @param warrantyZone the time zone whose calendar day decides whether a warranty still covers a machine
 * @param metricsRefresh how often the hotline's backlog gauges are counted again
 * @param sla the service levels promised to the customer
 */
@ConfigurationProperties("aftersales.intake")
public record IntakeProperties(
        @DefaultValue("3") int escalateAtCall,
        @DefaultValue("Asia/Shanghai") ZoneId warrantyZone,
        @DefaultValue("15s") Duration metricsRefresh,
        @DefaultValue Sla sla) {

    public IntakeProperties {
        if (escalateAtCall < 2) {
            throw new IllegalArgumentException("aftersales.intake.escalate-at-call must be at least 2");
        }
    }

    /**
     * The SLA promises under {@code aftersales.intake.sla.*}, counted from registration, e.g. {@code
     * on-site: 6h} for a brand that promises faster visits, {@code kinds.INSTALLATION.on-site: 72h},
     * {@code tiers.KEY.first-answer: 2h}. Checked at start-up: a zero or negative duration stops the service.
     *
     * @param firstAnswer time to the first answer to the customer
     * @param onSite time to the technician's arrival
     * @param resolution time to the case's resolution
     * @param kinds overrides per kind of complaint
     * @param tiers overrides per customer tier
     * @param sweepInterval how often the clocks past their deadline are looked for
     */
    public record Sla(
            @DefaultValue("4h") Duration firstAnswer,
            @DefaultValue("24h") Duration onSite,
            @DefaultValue("30d") Duration resolution,
            Map<ComplaintKind, SlaPolicies.Override> kinds,
            Map<String, SlaPolicies.Override> tiers,
            @DefaultValue("30s") Duration sweepInterval) {

        public SlaPolicy policy() {
            return new SlaPolicy(firstAnswer, onSite, resolution);
        }

        public SlaPolicies policies() {
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
}
