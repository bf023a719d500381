package dev.aftersales.chassis.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Locale;
import java.util.Set;

/**
 * Metric conventions: names start with {@code aftersales.} and say the business fact
 * ({@code aftersales.complaints.registered}); tags are bounded categories (kind, channel, dealer,
 * rule, outcome). Tags that would carry personal data or one value per case are dropped here, so
 * a mistake cannot reach Prometheus.
 */
public class PersonalDataTagFilter implements MeterFilter {

    static final Set<String> FORBIDDEN = Set.of(
            "phone",
            "name",
            "customer",
            "customername",
            "address",
            "contact",
            "complaintid",
            "complaint",
            "serial",
            "serialnumber",
            "assignmentid",
            "requestid",
            "email",
            "user",
            "userid");

    @Override
    public Meter.Id map(Meter.Id id) {
        var tags = id.getTagsAsIterable();
        boolean clean = true;
        for (Tag tag : tags) {
            if (forbidden(tag.getKey())) {
                clean = false;
                break;
            }
        }
        if (clean) {
            return id;
        }
        var kept = new java.util.ArrayList<Tag>();
        for (Tag tag : tags) {
            if (!forbidden(tag.getKey())) {
                kept.add(tag);
            }
        }
        return id.replaceTags(kept);
    }

    static boolean forbidden(String key) {
        return FORBIDDEN.contains(
                key.toLowerCase(Locale.ROOT).replace("_", "").replace(".", "").replace("-", ""));
    }
}
