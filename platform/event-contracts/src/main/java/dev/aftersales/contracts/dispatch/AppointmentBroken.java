package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A promised window was not kept: rescheduled too late, or nobody arrived by its end. */
public record AppointmentBroken(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        @NotBlank String technicianId,
        @NotBlank String dealerId,
        @NotNull Instant windowStart,
        @NotNull Instant windowEnd,
        @NotBlank String reason,
        @NotNull Instant brokenAt) {}
