package dev.aftersales.contracts.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The sending dealer confirmed the parts left; {@code eta} is when the receiving dealer expects them. */
public record TransferShipped(
        @NotBlank String transferId,
        @NotBlank String complaintId,
        @NotNull Instant eta,
        @NotNull Instant shippedAt) {}
