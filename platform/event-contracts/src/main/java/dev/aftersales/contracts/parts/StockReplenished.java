package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Units became available at a location: counted in (a restock, a stock import) or given back by a
 * released reservation. Raised in the same write as the stock line's change. On {@code
 * parts.stock.v1}, keyed by part number; parts itself serves the part's waiting backorders from it.
 *
 * @param units how many units became available with this change
 * @param available the units available at the location after it
 */
public record StockReplenished(
        @NotBlank @Size(max = FieldLimits.ID) String locationId,
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        @Positive int units,
        @PositiveOrZero int available,
        @NotNull Instant at) {}
