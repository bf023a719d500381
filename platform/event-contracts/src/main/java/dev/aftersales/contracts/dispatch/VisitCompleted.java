package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The technician finished the visit: what was found, what was used, what was charged. */
public record VisitCompleted(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
        @Size(max = FieldLimits.TEXT) String diagnosis,
        @Size(max = FieldLimits.TEXT) String rootCause,
        @NotNull @Size(max = FieldLimits.LINES) List<@Valid PartLine> partsUsed,
        BigDecimal feeCharged,
        boolean fixed,
        @NotNull Instant completedAt) {}
