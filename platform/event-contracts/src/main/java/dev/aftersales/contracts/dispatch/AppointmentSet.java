package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** After phoning the customer the technician agreed a visit window. */
public record AppointmentSet(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        @NotBlank String technicianId,
        @NotNull Instant windowStart,
        @NotNull Instant windowEnd,
        @NotNull Instant setAt) {}
