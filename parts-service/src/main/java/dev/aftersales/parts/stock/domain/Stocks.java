package dev.aftersales.parts.stock.domain;

import java.util.List;
import java.util.Optional;

/** The stock lines of every location. */
public interface Stocks {

    Optional<Stock> find(String stockId);

    /** Lines of one location, by part number. */
    List<Stock> atLocation(String locationId);

    /** Lines holding at least one reservation of the assignment. */
    List<Stock> holdingReservationsOf(String assignmentId);

    /**
     * Writes the line and its pending events in one document write, only if nobody wrote it since it
     * was read; otherwise throws (Spring's {@code OptimisticLockingFailureException}, or {@code
     * DuplicateKeyException} for a new line created meanwhile) and the caller reads it again.
     *
     * @return the line as stored, with its new version
     */
    Stock save(Stock stock);
}
