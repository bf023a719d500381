package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** No technician could be found by the rule chain; the case waits on the dispatcher's list. */
public record AssignmentEscalated(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        String reason,
        @NotNull Instant escalatedAt) {}
