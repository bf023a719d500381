package dev.aftersales.contracts.intake;

/** What a quality complaint, fee dispute or service-attitude complaint is about. */
public enum SubjectKind {
    /** A technician's behaviour or work (service attitude). */
    TECHNICIAN,
    /** A dealer or service point. */
    DEALER,
    /** A production batch of goods (quality). */
    BATCH,
    /** A fee charged (door fee, relocation fee). */
    FEE,
    /** The product itself. */
    PRODUCT
}
