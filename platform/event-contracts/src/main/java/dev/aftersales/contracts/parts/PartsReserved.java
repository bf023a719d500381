package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Units are held for a visit at {@code locationId} and ready for the technician at {@code readyAt}. */
public record PartsReserved(
        @NotBlank @Size(max = FieldLimits.ID) String requestId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        @Positive int quantity,
        @NotBlank @Size(max = FieldLimits.ID) String locationId,
        @NotNull ReservationSource source,
        @NotNull Instant readyAt,
        @NotNull Instant reservedAt) {}
