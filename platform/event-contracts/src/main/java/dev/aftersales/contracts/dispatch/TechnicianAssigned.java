package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A technician now owns the visit for a case; {@code reason} is shown to the dispatcher. */
public record TechnicianAssigned(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        @NotBlank String technicianId,
        @NotBlank String dealerId,
        @NotNull AssignmentRule rule,
        String reason,
        @NotNull Instant assignedAt) {}
