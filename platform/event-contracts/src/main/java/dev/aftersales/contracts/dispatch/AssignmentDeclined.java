package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The offered technician declined (or let the offer time out); the next candidate is offered the job. */
public record AssignmentDeclined(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        @NotBlank String technicianId,
        String reason,
        boolean timedOut,
        @NotNull Instant declinedAt) {}
