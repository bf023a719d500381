package dev.aftersales.contracts.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** Reserved units went back to stock: the visit was cancelled, or they were not used in time ({@code EXPIRED}). */
public record ReservationReleased(
        @NotBlank String requestId,
        @NotBlank String complaintId,
        @NotBlank String assignmentId,
        @NotBlank String partNumber,
        @Positive int quantity,
        @NotBlank String locationId,
        @NotBlank String reason,
        @NotNull Instant releasedAt) {}
