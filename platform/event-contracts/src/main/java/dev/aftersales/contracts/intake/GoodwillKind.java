package dev.aftersales.contracts.intake;

/** A compensation offered to make up for a failure (a gift, a waived fee, a discount). */
public enum GoodwillKind {
    GIFT,
    WAIVER,
    DISCOUNT
}
