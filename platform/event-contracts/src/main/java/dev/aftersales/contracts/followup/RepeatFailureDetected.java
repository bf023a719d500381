package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A machine faulted again soon (default 90 days) after a completed visit: a quality signal. */
public record RepeatFailureDetected(
        @NotBlank String serialNumber,
        @NotBlank String complaintId,
        @NotBlank String previousComplaintId,
        @NotNull Instant previousCompletedAt,
        long daysSince,
        String model,
        @NotNull Instant detectedAt) {}
