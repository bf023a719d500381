package dev.aftersales.contracts.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The customer called again about an open case (the third call within the SLA, by default): priority rose. */
public record ComplaintEscalated(
        @NotBlank String complaintId,
        @NotNull Priority priority,
        int callCount,
        String reason,
        @NotNull Instant escalatedAt) {}
