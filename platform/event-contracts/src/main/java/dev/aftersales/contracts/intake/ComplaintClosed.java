package dev.aftersales.contracts.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The customer said they are satisfied; the case is closed. */
public record ComplaintClosed(
        @NotBlank String complaintId, int rounds, @NotNull Instant closedAt) {}
