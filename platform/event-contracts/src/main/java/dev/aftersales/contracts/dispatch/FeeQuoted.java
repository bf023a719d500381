package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** What the customer will pay, told before the visit: nothing in warranty, else door fee + labour + parts. */
public record FeeQuoted(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        boolean inWarranty,
        @NotNull BigDecimal doorFee,
        @NotNull BigDecimal labour,
        @NotNull BigDecimal parts,
        @NotNull BigDecimal total,
        @NotNull Instant quotedAt) {}
