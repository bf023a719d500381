package dev.aftersales.contracts.intake;

/** What the company offers to settle a quality complaint or fee dispute; several may combine. */
public enum ResolutionKind {
    REPAIR,
    REPLACEMENT,
    RETURN,
    FEE_REFUND,
    DISCOUNT,
    FREE_GOODS,
    APOLOGY
}
