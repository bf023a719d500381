package dev.aftersales.contracts.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** No location could supply the part now; the request waits in line for stock. */
public record PartsBackordered(
        @NotBlank String requestId,
        @NotBlank String complaintId,
        @NotBlank String assignmentId,
        @NotBlank String partNumber,
        @Positive int quantity,
        Instant expectedAt,
        @NotNull Instant backorderedAt) {}
