package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Available units fell below the reorder point at a location. On {@code parts.stock.v1}, keyed by part number. */
public record StockLow(
        @NotBlank @Size(max = FieldLimits.ID) String locationId,
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        int available,
        int reorderPoint,
        @NotNull Instant at) {}
