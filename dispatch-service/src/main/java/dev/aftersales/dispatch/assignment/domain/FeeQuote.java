package dev.aftersales.dispatch.assignment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** What the customer will pay, told before the visit: nothing in warranty, else door fee + labour + parts. */
public record FeeQuote(
        boolean inWarranty,
        BigDecimal doorFee,
        BigDecimal labour,
        BigDecimal parts,
        BigDecimal total,
        Instant quotedAt) {}
