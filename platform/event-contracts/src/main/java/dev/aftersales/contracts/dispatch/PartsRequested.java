package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The assigned technician needs a part for the visit. {@code requestId} makes the request
 * idempotent; {@code dealerId} is the technician's dealer, where parts looks first.
 */
public record PartsRequested(
        @NotBlank @Size(max = FieldLimits.ID) String requestId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        @Positive int quantity,
        @NotNull Instant requestedAt) {}
