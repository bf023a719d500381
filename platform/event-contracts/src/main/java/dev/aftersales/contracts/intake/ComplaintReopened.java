package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The customer was not satisfied: the case is open again for round {@code round} (the first visit is round 1). */
public record ComplaintReopened(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @Positive int round,
        @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant reopenedAt) {}
