package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The visit window moved. {@code withNotice} when it moved early enough before the old window
 * (default 2 h): the customer is told; otherwise the old appointment also counts as broken.
 */
public record AppointmentRescheduled(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotNull Instant previousStart,
        @NotNull Instant previousEnd,
        @NotNull Instant windowStart,
        @NotNull Instant windowEnd,
        boolean withNotice,
        @NotNull Instant rescheduledAt) {}
