package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;

/** What the customer will pay, told before the visit: nothing in warranty, else door fee + labour + parts. */
public record FeeQuoted(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        boolean inWarranty,
        @NotNull BigDecimal doorFee,
        @NotNull BigDecimal labour,
        @NotNull BigDecimal parts,
        @NotNull BigDecimal total,
        @NotNull Instant quotedAt) {}
