package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The sending dealer confirmed the parts left; {@code eta} is when the receiving dealer expects them. */
public record TransferShipped(
        @NotBlank @Size(max = FieldLimits.ID) String transferId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull Instant eta,
        @NotNull Instant shippedAt) {}
