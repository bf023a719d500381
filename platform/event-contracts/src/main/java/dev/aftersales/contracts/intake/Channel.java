package dev.aftersales.contracts.intake;

/** How the call reached us. */
public enum Channel {
    HOTLINE,
    DEALER,
    SALESPERSON,
    WEB,
    CONSUMER_ASSOCIATION
}
