package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.CancellationReason;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a case ended without being carried to its end: the customer called it off, or it was a
 * duplicate merged into {@code mergedInto}.
 */
public record Cancellation(CancellationReason reason, String mergedInto, String note, String by, Instant at) {

    public Cancellation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (reason == CancellationReason.MERGED && (mergedInto == null || mergedInto.isBlank())) {
            throw new IllegalArgumentException("a merged case names the case it was merged into");
        }
    }
}
