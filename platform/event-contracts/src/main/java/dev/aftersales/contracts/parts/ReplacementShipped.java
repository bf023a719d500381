package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The dealer holding a replacement's goods confirmed they left for the customer. */
public record ReplacementShipped(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String actionId,
        @NotBlank @Size(max = FieldLimits.ID) String locationId,
        @Size(max = FieldLimits.ID) String waybill,
        @NotBlank @Size(max = FieldLimits.USER_ID) String shippedBy,
        @NotNull Instant shippedAt) {}
