package dev.aftersales.contracts.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** Units reserved at another dealer are to be sent to the technician's dealer; both dealers confirm each step. */
public record TransferRequested(
        @NotBlank String transferId,
        @NotBlank String requestId,
        @NotBlank String complaintId,
        @NotBlank String partNumber,
        @Positive int quantity,
        @NotBlank String fromLocationId,
        @NotBlank String toLocationId,
        @NotNull Instant eta,
        @NotNull Instant requestedAt) {}
