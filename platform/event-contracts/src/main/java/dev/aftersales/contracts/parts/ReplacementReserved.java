package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Goods promised to a customer by an agreed resolution (a replacement, a gift) are held at a location
 * along the nearness chain from the selling dealer, ready by {@code readyAt}.
 */
public record ReplacementReserved(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String actionId,
        @NotBlank @Size(max = FieldLimits.ID) String itemNumber,
        int quantity,
        @NotBlank @Size(max = FieldLimits.ID) String locationId,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @NotNull Instant readyAt) {}
