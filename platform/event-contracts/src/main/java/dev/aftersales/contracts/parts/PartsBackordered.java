package dev.aftersales.contracts.parts;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** No location could supply the part now; the request waits in line for stock. */
public record PartsBackordered(
        @NotBlank @Size(max = FieldLimits.ID) String requestId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        @Positive int quantity,
        Instant expectedAt,
        @NotNull Instant backorderedAt) {}
