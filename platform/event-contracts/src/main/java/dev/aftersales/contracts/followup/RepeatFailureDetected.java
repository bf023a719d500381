package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A machine faulted again soon (default 90 days) after a completed visit: a quality signal. */
public record RepeatFailureDetected(
        @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String previousComplaintId,
        @NotNull Instant previousCompletedAt,
        long daysSince,
        @Size(max = FieldLimits.CODE) String model,
        @NotNull Instant detectedAt) {}
