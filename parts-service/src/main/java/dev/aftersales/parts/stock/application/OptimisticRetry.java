package dev.aftersales.parts.stock.application;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a read-decide-write of one stock document again when another writer got there first. Each
 * attempt must read the document afresh. Every lost attempt means a competing write succeeded, so
 * the bound only needs to exceed the writes that can land on one line in a burst; past it the
 * failure surfaces (the event consumer then retries with back-off).
 */
public final class OptimisticRetry {

    static final int MAX_ATTEMPTS = 100;

    private OptimisticRetry() {}

    public static <T> T run(Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                if (n >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(n);
            }
        }
    }

    /** Random, growing pauses, so writers that just collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(1L << attempt, 50L)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a stock write", e);
        }
    }
}
