package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A promised window was not kept: rescheduled too late, or nobody arrived by its end. */
public record AppointmentBroken(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @NotNull Instant windowStart,
        @NotNull Instant windowEnd,
        @NotBlank @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant brokenAt) {}
