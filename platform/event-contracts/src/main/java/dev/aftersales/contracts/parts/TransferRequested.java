package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Units reserved at another dealer are to be sent to the technician's dealer; both dealers confirm each step. */
public record TransferRequested(
        @NotBlank @Size(max = FieldLimits.ID) String transferId,
        @NotBlank @Size(max = FieldLimits.ID) String requestId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        @Positive int quantity,
        @NotBlank @Size(max = FieldLimits.ID) String fromLocationId,
        @NotBlank @Size(max = FieldLimits.ID) String toLocationId,
        @NotNull Instant eta,
        @NotNull Instant requestedAt) {}
