package dev.aftersales.contracts.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The technician finished the visit: what was found, what was used, what was charged. */
public record VisitCompleted(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        @NotBlank String technicianId,
        @NotBlank String dealerId,
        @NotBlank String serialNumber,
        String diagnosis,
        String rootCause,
        @NotNull List<@Valid PartLine> partsUsed,
        BigDecimal feeCharged,
        boolean fixed,
        @NotNull Instant completedAt) {}
