package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Goods promised by an agreed resolution are in stock nowhere: they wait for stock, priority first. */
public record ReplacementBackordered(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String actionId,
        @NotBlank @Size(max = FieldLimits.ID) String itemNumber,
        int quantity,
        @NotNull Instant backorderedAt) {}
