package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.ComplaintKind;
import java.time.Duration;
import java.util.Map;

/**
 * The SLA promises by kind of complaint and customer tier: a tier's promise wins over a kind's,
 * a kind's over the default; each duration separately (a key customer may get a 2 h answer but the
 * usual 30 days to settle).
 */
public record SlaPolicies(SlaPolicy defaults, Map<ComplaintKind, Override> kinds, Map<String, Override> tiers) {

    /** Some of the durations of a policy; null ones are taken from the level below. */
    public record Override(Duration firstAnswer, Duration onSite, Duration resolution) {

        SlaPolicy over(SlaPolicy base) {
            return new SlaPolicy(
                    firstAnswer == null ? base.firstAnswer() : firstAnswer,
                    onSite == null ? base.onSite() : onSite,
                    resolution == null ? base.resolution() : resolution);
        }
    }

    public SlaPolicies {
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
    }

    public static SlaPolicies of(SlaPolicy defaults) {
        return new SlaPolicies(defaults, Map.of(), Map.of());
    }

    public SlaPolicy policyFor(ComplaintKind kind, String tier) {
        var policy = defaults;
        var byKind = kinds.get(kind);
        if (byKind != null) {
            policy = byKind.over(policy);
        }
        var byTier = tier == null ? null : tiers.get(tier);
        if (byTier != null) {
            policy = byTier.over(policy);
        }
        return policy;
    }
}
