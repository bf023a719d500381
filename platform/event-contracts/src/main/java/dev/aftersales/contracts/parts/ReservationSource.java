package dev.aftersales.contracts.parts;

/** Where reserved parts come from (domain.md, flow step 3), in the order they are tried. */
public enum ReservationSource {
    OWN_DEALER,
    TRANSFER,
    FACTORY
}
