package dev.aftersales.parts.stock.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The stock lines of every location. */
public interface Stocks {

    Optional<Stock> find(String stockId);

    /** Lines of one location, by part number. */
    List<Stock> atLocation(String locationId);

    /** Lines holding at least one reservation of the assignment. */
    List<Stock> holdingReservationsOf(String assignmentId);

    /** Lines holding at least one reservation for the complaint. */
    List<Stock> holdingReservationsOfComplaint(String complaintId);

    /** Lines holding the transfer: the sender, and after receipt the receiver. */
    List<Stock> holdingTransfer(String transferId);

    /** Lines holding units for the request (more than one when it was split). */
    List<Stock> holdingRequest(String requestId);

    /** Whether a line held the request and let it go (consumed, released, handed over). */
    boolean consumedAnywhere(String requestId);

    /** The line a request was held at and left (consumed, released, shipped), if it still remembers it. */
    Optional<Stock> whereLeft(String requestId);

    /**
     * Lines of one part that have units available, at every location, read by their ids. A line
     * without units is not read whole: a hot part's sold-out line carries every reservation of a storm.
     */
    List<Stock> withUnitsOf(String partNumber, Set<String> except);

    /**
     * The ids of at most {@code limit} lines with a reservation that expires by {@code now}, earliest
     * first: the expiry sweep reads each whole only when it releases there.
     */
    List<String> dueForExpiry(Instant now, int limit);

    /** When the earliest held reservation expires, if any is held. */
    Optional<Instant> nextExpiry();

    /**
     * What every line has on hand and what it cost, location by location, without reading the lines'
     * reservations: the valuation's periodic read, whose cost must not grow with the requests served.
     */
    List<StockOnHand> onHandEverywhere();

    /** As {@link #onHandEverywhere}, the lines of one location by part number. */
    List<StockOnHand> onHandAt(String locationId);

    /** What {@link #holdAtOnce} did. */
    enum Hold {
        /** The units are held, PartsReserved (and TransferRequested) stored with them. */
        HELD,
        /** The line has fewer units available than asked (or none at all). */
        TOO_FEW,
        /**
         * Not written: the line held the request before, or kept changing under the guard. The
         * caller reads the line and decides ({@link Stock#reserve}).
         */
        LINE_DECIDES
    }

    /**
     * Holds units at the line of {@code partNumber} at {@code locationId} in one write guarded by the
     * units still available there, without reading the line's reservations: the hot line of a storm
     * takes each request in a glance at two numbers and one guarded write, instead of a read of every
     * reservation, a decision and a versioned save that loses to every other writer in between. The
     * reservation, its units and its events (StockLow too, for the one hold that crosses the reorder
     * point) are one document write, as in {@link #save}; concurrent versioned saves see the line changed.
     */
    default Hold holdAtOnce(String locationId, String partNumber, Reservation reservation, Instant now) {
        return holdAtOnce(locationId, partNumber, reservation.quantity(), () -> reservation, now);
    }

    /**
     * As {@link #holdAtOnce(String, String, Reservation, Instant)}, the reservation made only once the
     * line shows enough units: a request that finds the line sold out costs no look-ups for its terms.
     *
     * @param reservation of {@code quantity} units; called at most once
     */
    Hold holdAtOnce(String locationId, String partNumber, int quantity, Supplier<Reservation> reservation, Instant now);

    /**
     * As {@link #holdAtOnce(String, String, int, Supplier, Instant)}, for several
     * requests at once: the reservations {@code fitting} the units the line shows available (in their
     * order, their units at most those) are held in one write, guarded as a single hold of their units
     * together, with every request's events (StockLow once, for the crossing). Requests of one storm on
     * a hot line take one write per poll instead of one each: each write copies the line's reservations.
     *
     * @param fitting given the units available, the reservations to hold; called at most once per attempt
     * @return the reservations held, none when the line had too few for the first; empty when the line
     *     kept changing under the guard or holds one of the requests already (the caller holds one by one)
     */
    Optional<List<Reservation>> holdAllAtOnce(
            String locationId, String partNumber, IntFunction<List<Reservation>> fitting, Instant now);

    /**
     * Writes the line and its pending events in one document write, only if nobody wrote it since it
     * was read; otherwise throws (Spring's {@code OptimisticLockingFailureException}, or {@code
     * DuplicateKeyException} for a new line created meanwhile) and the caller reads it again.
     *
     * @return the line as stored, with its new version
     */
    Stock save(Stock stock);
}
