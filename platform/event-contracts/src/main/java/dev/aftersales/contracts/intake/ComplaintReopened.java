package dev.aftersales.contracts.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** The customer was not satisfied: the case is open again for round {@code round} (the first visit is round 1). */
public record ComplaintReopened(
        @NotBlank String complaintId,
        @Positive int round,
        @NotBlank String serialNumber,
        String reason,
        @NotNull Instant reopenedAt) {}
