package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The receiving dealer confirmed the parts arrived; they are ready for the technician. */
public record TransferReceived(
        @NotBlank @Size(max = FieldLimits.ID) String transferId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull Instant receivedAt) {}
