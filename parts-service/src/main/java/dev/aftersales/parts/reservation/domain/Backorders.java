package dev.aftersales.parts.reservation.domain;

import java.util.Optional;

/** Requests waiting for stock, by request id. */
public interface Backorders {

    boolean exists(String requestId);

    Optional<Backorder> find(String requestId);

    /**
     * Stores a new backorder with its events in one insert.
     *
     * @return false when the request was backordered before: nothing was written
     */
    boolean add(Backorder backorder);
}
