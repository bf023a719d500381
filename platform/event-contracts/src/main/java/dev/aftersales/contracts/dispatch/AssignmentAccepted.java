package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The offered technician took the job. */
public record AssignmentAccepted(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        @NotBlank String technicianId,
        @NotNull Instant acceptedAt) {}
