package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Reserved units went back to stock: the visit was cancelled, or they were not used in time ({@code EXPIRED}). */
public record ReservationReleased(
        @NotBlank @Size(max = FieldLimits.ID) String requestId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        @Positive int quantity,
        @NotBlank @Size(max = FieldLimits.ID) String locationId,
        @NotBlank @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant releasedAt) {}
