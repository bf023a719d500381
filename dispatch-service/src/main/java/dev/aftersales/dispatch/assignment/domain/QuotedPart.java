package dev.aftersales.dispatch.assignment.domain;

import java.math.BigDecimal;

/** A part the technician expects to fit, at its list price. */
public record QuotedPart(String partNumber, int quantity, BigDecimal unitPrice) {

    BigDecimal cost() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
