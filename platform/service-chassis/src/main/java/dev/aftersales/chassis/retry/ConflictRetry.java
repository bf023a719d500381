package dev.aftersales.chassis.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a read–decide–write of one document again when another writer changed it in between: the
 * version (or the guard) no longer matched. Each attempt must read the document afresh. This is the
 * platform's one place that catches an optimistic-lock failure; each use states its own policy, and
 * past its last attempt the failure surfaces (the listener's back-off or the client takes over).
 * Built on Spring Framework's {@link RetryTemplate}.
 */
public final class ConflictRetry {

    private final int attempts;
    private final Duration firstPause;
    private final Duration maxPause;
    private final boolean onDuplicateKey;
    private final RetryTemplate template;

    private ConflictRetry(int attempts, Duration firstPause, Duration maxPause, boolean onDuplicateKey) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.onDuplicateKey = onDuplicateKey;
        List<Class<? extends Throwable>> conflicts = new ArrayList<>();
        conflicts.add(OptimisticLockingFailureException.class);
        if (onDuplicateKey) {
            conflicts.add(DuplicateKeyException.class);
        }
        var policy = RetryPolicy.builder().maxRetries(attempts - 1L).includes(conflicts);
        if (firstPause.isZero()) {
            policy.delay(Duration.ZERO);
        } else {
            // Random, growing pauses, so writers that just collided do not collide again in step.
            policy.delay(firstPause).jitter(firstPause).multiplier(2).maxDelay(maxPause);
        }
        this.template = new RetryTemplate(policy.build());
    }

    /**
     * Up to {@code attempts} tries in all, one straight after the other: for documents that few
     * writers share (a case, an assignment), where a clash means one other writer got there first.
     */
    public static ConflictRetry upTo(int attempts) {
        return new ConflictRetry(attempts, Duration.ZERO, Duration.ZERO, false);
    }

    /** The same tries with random pauses from {@code first} growing to {@code max}: for hot documents. */
    public ConflictRetry pausing(Duration first, Duration max) {
        return new ConflictRetry(attempts, first, max, onDuplicateKey);
    }

    /** Also retries a duplicate-key failure: for read-decide-insert where two writers may insert the same id. */
    public ConflictRetry alsoOnDuplicateKey() {
        return new ConflictRetry(attempts, firstPause, maxPause, true);
    }

    /**
     * One attempt, for sweeps and claims whose next round looks again: empty when another writer
     * changed the document first (it did the work, or the next round will).
     */
    public static <T> Optional<T> unlessOvertaken(Supplier<T> attempt) {
        try {
            return Optional.ofNullable(attempt.get());
        } catch (OptimisticLockingFailureException e) {
            return Optional.empty();
        }
    }

    /** @return false when another writer changed the document first */
    public static boolean unlessOvertaken(Runnable attempt) {
        return unlessOvertaken(() -> {
                    attempt.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    public int attempts() {
        return attempts;
    }

    /** @return what the first attempt that was not overtaken returned */
    public <T> T run(Supplier<T> attempt) {
        return template.invoke(attempt);
    }

    public void run(Runnable attempt) {
        template.invoke(attempt);
    }
}
