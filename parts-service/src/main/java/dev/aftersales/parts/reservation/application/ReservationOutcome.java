package dev.aftersales.parts.reservation.application;

/** What one {@link ReserveParts} call did. */
public enum ReservationOutcome {
    /** Units are now held at the technician's dealer; PartsReserved raised. */
    RESERVED,
    /** Too few units available; a backorder was stored and PartsBackordered raised. */
    BACKORDERED,
    /** The request was reserved or backordered before: nothing changed. */
    ALREADY_HANDLED
}
