package dev.aftersales.parts.reservation.domain;

import java.util.List;
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

    /**
     * Stores new backorders with their events, in one insert for all.
     *
     * @return the request ids of those stored; one backordered before is left as it was
     */
    java.util.Set<String> addAll(List<Backorder> backorders);

    /** Not yet served backorders of the part, in line (see {@link Backorder#IN_LINE}). */
    List<Backorder> openFor(String partNumber);

    /** Open backorders (waiting or being served) of the complaint. */
    List<Backorder> openOfComplaint(String complaintId);

    /** Backorders of the assignment still waiting for stock. */
    List<Backorder> waitingFor(String assignmentId);

    /** Saves only if nobody wrote it since it was read; otherwise throws (optimistic lock). */
    Backorder save(Backorder backorder);
}
