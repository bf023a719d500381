package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The customer called again about an open case (the third call within the SLA, by default): priority rose. */
public record ComplaintEscalated(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull Priority priority,
        int callCount,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant escalatedAt) {}
