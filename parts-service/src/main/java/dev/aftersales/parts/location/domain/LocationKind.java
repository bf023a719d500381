package dev.aftersales.parts.location.domain;

/** What a stock location is: a dealer's warehouse (location id = dealer id) or the factory warehouse. */
public enum LocationKind {
    DEALER,
    FACTORY
}
