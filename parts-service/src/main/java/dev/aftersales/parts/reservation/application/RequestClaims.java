package dev.aftersales.parts.reservation.application;

import java.time.Duration;
import java.time.Instant;

/**
 * Who handles a parts request right now. A request touches several documents (stock lines at
 * several locations, a backorder), so no single guarded update can make "handle it once" atomic;
 * a claim document per request, inserted with the request id as its unique key, can: of two
 * concurrent deliveries exactly one inserts it. The claim records the outcome when done; a claim
 * left unfinished longer than its lease belonged to a handler that died and may be taken over.
 */
public interface RequestClaims {

    /** The answer to {@link #take}. */
    sealed interface Claim {}

    /** The request is ours to handle; {@code token} identifies this hold on it. */
    record Taken(String token) implements Claim {}

    /** The request was handled to the end before. */
    record Finished(String outcome) implements Claim {}

    /** Another handler holds a fresh claim on it. */
    record Busy() implements Claim {}

    Claim take(String requestId, Instant now, Duration lease);

    /**
     * {@link #take(String, Instant, Duration)} at the store's wall clock: a lease is technical time
     * (how long a handler may take), so a business clock moved ahead never cuts one short.
     */
    Claim take(String requestId, Duration lease);

    /**
     * Records the outcome: later deliveries of the request find it finished. Only while {@code token}
     * still holds the claim: a handler whose lease ran out and was taken over leaves the outcome to the
     * new holder, which finds the work done and records it.
     */
    void finish(String requestId, String token, String outcome);

    /** Gives an unfinished claim up (the handler failed), so that a retry may take it at once. */
    void drop(String requestId, String token);
}
