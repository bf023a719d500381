package dev.aftersales.contracts.dispatch;

/** Why an open assignment was withdrawn from its technician. */
public enum WithdrawalReason {
    SETTLED_BY_PHONE,
    CLOSED,
    CUSTOMER_CANCELLED,
    MERGED,
    /** A dispatcher moved the case to another technician or a service point. */
    HANDED_OVER
}
