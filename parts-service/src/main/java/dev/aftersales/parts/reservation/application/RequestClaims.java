package dev.aftersales.parts.reservation.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Who handles a parts request right now. A request touches several documents (stock lines at
 * several locations, a backorder), so no single guarded update can make "handle it once" atomic;
 * a claim document per request, inserted with the request id as its unique key, can: of two
 * concurrent deliveries exactly one inserts it. The claim records the outcome when done; a claim
 * left unfinished longer than its lease belonged to a handler that died and may be taken over.
 *
 * <p>The claim also names the stock lines its holders may have written to, each noted before the
 * write ({@link #note}), so that a holder taking over reads those lines by id instead of searching
 * every line for the request: the chain's reads stay by key however many requests were handled.
 */
public interface RequestClaims {

    /** The answer to {@link #take}. */
    sealed interface Claim {}

    /**
     * The request is ours to handle; {@code token} identifies this hold on it.
     *
     * @param first no handler held the request before: nothing was written for it anywhere
     * @param lines the stock lines earlier holders noted (and the ones noted at the take); null for a
     *     claim taken over from before lines were noted, whose earlier holders' writes must be searched for
     */
    record Taken(String token, boolean first, Set<String> lines) implements Claim {

        public Taken(String token) {
            this(token, true, Set.of());
        }
    }

    /** The request was handled to the end before. */
    record Finished(String outcome) implements Claim {}

    /** Another handler holds a fresh claim on it. */
    record Busy() implements Claim {}

    Claim take(String requestId, Instant now, Duration lease);

    /**
     * As {@link #take(String, Duration)}, noting {@code lines} on the claim in the same write (the
     * line a request most likely ends at, so that the common case needs no {@link #note}).
     */
    Claim take(String requestId, Duration lease, Set<String> lines);

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

    /**
     * Notes a stock line the holder is about to write to for the request, before it does.
     *
     * @throws IllegalStateException when {@code token} no longer holds the claim (it was taken over):
     *     the holder must not write
     */
    void note(String requestId, String token, String lineId);

    /**
     * Takes the claims of requests no handler held before, {@code lines} noted on each, in one write
     * for all where the store allows. A request claimed before (finished, busy or abandoned) is left
     * out, unclaimed by this call: it is handled alone ({@link #take}).
     *
     * @return the claims taken, by request id, each {@link Taken#first()}
     */
    default java.util.Map<String, Taken> takeFirst(
            java.util.List<String> requestIds, Duration lease, Set<String> lines) {
        var taken = new java.util.LinkedHashMap<String, Taken>();
        for (var requestId : requestIds) {
            if (take(requestId, lease, lines) instanceof Taken claim) {
                if (claim.first()) {
                    taken.put(requestId, claim);
                } else {
                    drop(requestId, claim.token());
                }
            }
        }
        return taken;
    }

    /** {@link #finish} of several claims, each by its token, in one write where the store allows. */
    default void finishAll(java.util.Map<String, Taken> claims, java.util.Map<String, String> outcomes) {
        outcomes.forEach(
                (requestId, outcome) -> finish(requestId, claims.get(requestId).token(), outcome));
    }

    /**
     * Gives an unfinished claim up (the handler failed), so that a retry may take it at once. The
     * claim stays, with its noted lines: the retry must find what this holder wrote.
     */
    void drop(String requestId, String token);
}
