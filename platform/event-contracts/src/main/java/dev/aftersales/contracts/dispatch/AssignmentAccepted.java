package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The offered technician took the job. */
public record AssignmentAccepted(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotNull Instant acceptedAt) {}
