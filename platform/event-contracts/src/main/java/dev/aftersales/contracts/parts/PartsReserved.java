package dev.aftersales.contracts.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** Units are held for a visit at {@code locationId} and ready for the technician at {@code readyAt}. */
public record PartsReserved(
        @NotBlank String requestId,
        @NotBlank String complaintId,
        @NotBlank String assignmentId,
        @NotBlank String partNumber,
        @Positive int quantity,
        @NotBlank String locationId,
        @NotNull ReservationSource source,
        @NotNull Instant readyAt,
        @NotNull Instant reservedAt) {}
