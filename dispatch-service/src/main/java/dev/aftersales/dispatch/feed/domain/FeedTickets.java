package dev.aftersales.dispatch.feed.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tickets kept by the digest of their secret, so that any instance accepts a ticket another one
 * issued. Their lifetime is wall time (a technical lease, not business time), taken by the store.
 */
public interface FeedTickets {

    /** @return when the ticket expires */
    Instant add(String digest, FeedTicket ticket, Duration lifetime);

    /**
     * Removes the ticket and returns it if it has not expired, in one guarded write: of two requests
     * with the same ticket, on any instances, at most one gets it.
     */
    Optional<FeedTicket> take(String digest);

    /** @return how many expired tickets were removed */
    long removeExpired();
}
