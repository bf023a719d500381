package dev.aftersales.parts.stock.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** Lines of one part at every location. */
    List<Stock> ofPart(String partNumber);

    /** Lines with a reservation that expires by {@code now}. */
    List<Stock> withExpiryDueBy(Instant now);

    /** When the earliest held reservation expires, if any is held. */
    Optional<Instant> nextExpiry();

    List<Stock> all();

    /**
     * Writes the line and its pending events in one document write, only if nobody wrote it since it
     * was read; otherwise throws (Spring's {@code OptimisticLockingFailureException}, or {@code
     * DuplicateKeyException} for a new line created meanwhile) and the caller reads it again.
     *
     * @return the line as stored, with its new version
     */
    Stock save(Stock stock);
}
