package dev.aftersales.parts.reservation.application;

import dev.aftersales.parts.PartsProperties;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs a request's handler at most once to the end, whatever the deliveries: the request is first
 * claimed ({@link RequestClaims}, a unique insert). Only the claim's holder runs the handler; a
 * concurrent duplicate waits for its outcome, a later one finds it finished. A handler that fails
 * gives the claim up, so the consumer's retry may take it at once.
 */
@Component
class HandledOnce {

    private final RequestClaims claims;
    private final PartsProperties properties;

    HandledOnce(RequestClaims claims, PartsProperties properties) {
        this.claims = claims;
        this.properties = properties;
    }

    /**
     * @param handler runs the request and names its outcome
     * @return the handler's outcome; empty when the request was handled to the end before
     */
    <T extends Enum<T>> Optional<T> run(String requestId, Supplier<T> handler) {
        return run(requestId, Set.of(), claim -> handler.get());
    }

    /**
     * @param lines stock lines to note on the claim as it is taken (see {@link RequestClaims#note})
     * @param handler runs the request with the claim it holds (its token, and what earlier holders noted)
     */
    <T extends Enum<T>> Optional<T> run(String requestId, Set<String> lines, Function<RequestClaims.Taken, T> handler) {
        var claim = claim(requestId, lines);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        T outcome;
        try {
            outcome = handler.apply(claim.get());
        } catch (RuntimeException e) {
            claims.drop(requestId, claim.get().token()); // the retry may start at once
            throw e;
        }
        claims.finish(requestId, claim.get().token(), outcome.name());
        return Optional.of(outcome);
    }

    /** Takes the request's claim, waiting while another handler holds a fresh one. */
    private Optional<RequestClaims.Taken> claim(String requestId, Set<String> lines) {
        long deadline = System.nanoTime() + properties.requestClaimLease().toNanos();
        for (int n = 1; ; n++) {
            var claim = claims.take(requestId, properties.requestClaimLease(), lines);
            if (claim instanceof RequestClaims.Taken taken) {
                return Optional.of(taken);
            }
            if (claim instanceof RequestClaims.Finished) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                // the consumer retries later; by then the other handler finished or its lease ran out
                throw new IllegalStateException("request " + requestId + " is being handled elsewhere");
            }
            awaitTheOtherHandler(n);
        }
    }

    /** Random, growing pauses while a duplicate delivery is being handled elsewhere. */
    private static void awaitTheOtherHandler(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(1L << Math.min(attempt, 10), 50L)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request's claim", e);
        }
    }
}
