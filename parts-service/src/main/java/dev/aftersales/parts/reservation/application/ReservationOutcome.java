package dev.aftersales.parts.reservation.application;

import dev.aftersales.contracts.parts.ReservationSource;

/** What one {@link ReserveParts} call did. */
public enum ReservationOutcome {
    /** Units are now held at the technician's dealer; PartsReserved raised. */
    RESERVED,
    /** Units are held at the nearest other dealer that had enough; PartsReserved and TransferRequested raised. */
    TRANSFERRED,
    /** Units are held at the factory warehouse, ready after its lead time; PartsReserved raised. */
    FROM_FACTORY,
    /**
     * No single location had enough: portions are held at several (own dealer first, then the nearest
     * dealers, then the factory), each with its PartsReserved saying where, how many and when ready.
     */
    SPLIT,
    /** No location had enough; a backorder was stored and PartsBackordered raised. */
    BACKORDERED,
    /** The request was reserved or backordered before: nothing changed. */
    ALREADY_HANDLED;

    /** The outcome of a request held whole at a location that is {@code source} to the technician's dealer. */
    static ReservationOutcome heldWholeFrom(ReservationSource source) {
        return switch (source) {
            case OWN_DEALER -> RESERVED;
            case TRANSFER -> TRANSFERRED;
            case FACTORY -> FROM_FACTORY;
        };
    }

    public boolean reserved() {
        return this == RESERVED || this == TRANSFERRED || this == FROM_FACTORY || this == SPLIT;
    }
}
