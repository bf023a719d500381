package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A technician now owns the visit for a case; {@code reason} is shown to the dispatcher. */
public record TechnicianAssigned(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @NotNull AssignmentRule rule,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant assignedAt) {}
