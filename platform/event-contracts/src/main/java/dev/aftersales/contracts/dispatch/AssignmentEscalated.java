package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** No technician could be found by the rule chain; the case waits on the dispatcher's list. */
public record AssignmentEscalated(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant escalatedAt) {}
