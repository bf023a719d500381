package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** After phoning the customer the technician agreed a visit window. */
public record AppointmentSet(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotNull Instant windowStart,
        @NotNull Instant windowEnd,
        @NotNull Instant setAt) {}
