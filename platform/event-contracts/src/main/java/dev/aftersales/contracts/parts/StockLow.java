package dev.aftersales.contracts.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Available units fell below the reorder point at a location. On {@code parts.stock.v1}, keyed by part number. */
public record StockLow(
        @NotBlank String locationId,
        @NotBlank String partNumber,
        int available,
        int reorderPoint,
        @NotNull Instant at) {}
