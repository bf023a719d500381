package dev.aftersales.followup;

import dev.aftersales.followup.returncall.domain.CallingHours;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follow-up settings, under {@code aftersales.followup}.
 *
 * @param returnCallDelay how long after a completed visit its return call is due
 * @param phoneResolutionCallDelay how long after a case settled by phone its return call is due
 * @param resolutionCallDelay how long after every action of an agreed resolution was carried out its return
 *     call is due
 * @param thankYouCallDelay how long after the installation day the thank-you call is due (2–3 days)
 * @param retryTries how many unanswered tries make a customer unreachable
 * @param retryWindow over how long those tries are spread
 * @param maxRounds after how many dissatisfied rounds the case escalates to a supervisor
 * @param repeatFailureWindow a new fault this soon after a completed visit is a repeat failure
 * @param silentAfter a customer without contact for this long is silent
 * @param careSweepInterval how often due care tasks are created
 * @param metricsRefresh how often the gauges counted from the store (calls due, silent customers,
 *     SERVQUAL gaps) are counted again; a scrape reads the last count
 * @param tiers care per customer tier: what task and how often ({@code NONE} = no periodic task)
 * @param businessZone the time zone of the business day: an installation day starts at its midnight, a
 *     SERVQUAL month is its calendar month
 * @param callingHoursFrom when the calling day starts in the business zone: a call owed some days after a
 *     day (the thank-you call after the installation day) is due at this time of that later day
 * @param callingHoursUntil when the calling day ends: a retry of an unanswered call that would fall outside
 *     calling hours moves to the next start
 */
@ConfigurationProperties("aftersales.followup")
public record FollowupProperties(
        @DefaultValue("48h") Duration returnCallDelay,
        @DefaultValue("24h") Duration phoneResolutionCallDelay,
        @DefaultValue("2d") Duration thankYouCallDelay,
        @DefaultValue("3") int retryTries,
        @DefaultValue("2d") Duration retryWindow,
        @DefaultValue("3") int maxRounds,
        @DefaultValue("90d") Duration repeatFailureWindow,
        @DefaultValue("180d") Duration silentAfter,
        @DefaultValue("1m") Duration careSweepInterval,
        @DefaultValue("30s") Duration metricsRefresh,
        Map<String, Tier> tiers,
        @DefaultValue("24h") Duration resolutionCallDelay,
        @DefaultValue("Asia/Shanghai") ZoneId businessZone,
        @DefaultValue("09:00") LocalTime callingHoursFrom,
        @DefaultValue("20:00") LocalTime callingHoursUntil) {

    /** @param task VISIT, CALL or NONE */
    public record Tier(
            @DefaultValue("NONE") String task,
            @DefaultValue("90d") Duration period) {}

    public FollowupProperties {
        for (var d : new Duration[] {
            returnCallDelay,
            phoneResolutionCallDelay,
            thankYouCallDelay,
            retryWindow,
            repeatFailureWindow,
            silentAfter,
            resolutionCallDelay
        }) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("aftersales.followup durations must not be negative");
            }
        }
        if (careSweepInterval.isNegative()
                || careSweepInterval.isZero()
                || metricsRefresh.isNegative()
                || metricsRefresh.isZero()) {
            throw new IllegalArgumentException(
                    "aftersales.followup.care-sweep-interval and metrics-refresh must be positive");
        }
        if (retryTries < 1 || maxRounds < 1) {
            throw new IllegalArgumentException("aftersales.followup.retry-tries and max-rounds must be at least 1");
        }
        if (tiers == null || tiers.isEmpty()) {
            var defaults = new LinkedHashMap<String, Tier>();
            defaults.put("KEY", new Tier("VISIT", Duration.ofDays(91)));
            defaults.put("MEDIUM", new Tier("CALL", Duration.ofDays(30)));
            defaults.put("ORDINARY", new Tier("NONE", Duration.ofDays(365)));
            tiers = defaults;
        }
        tiers = Map.copyOf(tiers);
        // Refuses calling hours that end before they start, at start-up.
        new CallingHours(businessZone, callingHoursFrom, callingHoursUntil);
    }

    /** When customers are called. */
    public CallingHours callingHours() {
        return new CallingHours(businessZone, callingHoursFrom, callingHoursUntil);
    }

    /** The tier's care period, or null when the tier has no periodic care (or is unknown). */
    public Duration carePeriodOf(String tier) {
        var care = tiers.get(tier);
        return care == null || "NONE".equals(care.task()) ? null : care.period();
    }
}
