package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The offered technician declined (or let the offer time out); the next candidate is offered the job. */
public record AssignmentDeclined(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @Size(max = FieldLimits.TEXT) String reason,
        boolean timedOut,
        @NotNull Instant declinedAt) {}
