package dev.aftersales.followup.returncall.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every return call, scheduled or made. */
public interface ReturnCalls {

    Optional<ReturnCall> find(String id);

    /**
     * Stores a new return call with its events in one insert.
     *
     * @return false when a call with that id exists already: nothing was written
     */
    boolean add(ReturnCall call);

    /** Saves a changed call; fails on a concurrent change (optimistic lock on its version). */
    void save(ReturnCall call);

    /** Calls still to be made that are due by {@code deadline}, the longest-due first. */
    List<ReturnCall> dueBy(Instant deadline);

    /** Calls whose customer could not be reached, the longest-due first. */
    List<ReturnCall> unreachable();
}
