package dev.aftersales.intake.complaint.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The service levels promised to every customer, counted from the moment the case is registered
 * (domain.md: an answer within 4 hours, on site within 24 hours, fully handled within 30 days).
 * Durations are elapsed time, not working hours: the customer waits at night too.
 */
public record SlaPolicy(Duration firstAnswer, Duration onSite, Duration resolution) {

    public static final SlaPolicy DEFAULT =
            new SlaPolicy(Duration.ofHours(4), Duration.ofHours(24), Duration.ofDays(30));

    public SlaPolicy {
        requirePositive(firstAnswer, "firstAnswer");
        requirePositive(onSite, "onSite");
        requirePositive(resolution, "resolution");
    }

    public SlaDeadlines deadlinesFrom(Instant registeredAt) {
        return new SlaDeadlines(
                registeredAt.plus(firstAnswer), registeredAt.plus(onSite), registeredAt.plus(resolution));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
