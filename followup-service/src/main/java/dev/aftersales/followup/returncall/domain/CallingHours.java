package dev.aftersales.followup.returncall.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When customers are called, in the business time zone: from {@code from} until {@code until} every
 * day. A try the policy would place outside them moves to the next start of calling hours.
 */
public record CallingHours(ZoneId zone, LocalTime from, LocalTime until) {

    public CallingHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("calling hours must start before they end: " + from + "–" + until);
        }
    }

    /** {@code at} when it falls in calling hours, else the next start of calling hours after it. */
    public Instant earliestFrom(Instant at) {
        var local = at.atZone(zone);
        if (local.toLocalTime().isBefore(from)) {
            return local.toLocalDate().atTime(from).atZone(zone).toInstant();
        }
        if (!local.toLocalTime().isBefore(until)) {
            return local.toLocalDate().plusDays(1).atTime(from).atZone(zone).toInstant();
        }
        return at;
    }
}
