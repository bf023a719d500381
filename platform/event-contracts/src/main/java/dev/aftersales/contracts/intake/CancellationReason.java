package dev.aftersales.contracts.intake;

/** Why a case ended without being carried to its end. */
public enum CancellationReason {
    /** The customer called it off. */
    CUSTOMER_CANCELLED,
    /** A duplicate, merged into another case of the same matter. */
    MERGED
}
