package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * The assigned technician needs a part for the visit. {@code requestId} makes the request
 * idempotent; {@code dealerId} is the technician's dealer, where parts looks first.
 */
public record PartsRequested(
        @NotBlank String requestId,
        @NotBlank String complaintId,
        @NotBlank String assignmentId,
        @NotBlank String technicianId,
        @NotBlank String dealerId,
        @NotBlank String partNumber,
        @Positive int quantity,
        @NotNull Instant requestedAt) {}
