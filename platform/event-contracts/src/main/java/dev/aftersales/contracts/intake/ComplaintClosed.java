package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The customer said they are satisfied; the case is closed. */
public record ComplaintClosed(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        int rounds,
        @NotNull Instant closedAt) {}
