package dev.aftersales.contracts.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The receiving dealer confirmed the parts arrived; they are ready for the technician. */
public record TransferReceived(
        @NotBlank String transferId,
        @NotBlank String complaintId,
        @NotNull Instant receivedAt) {}
