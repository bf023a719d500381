package dev.aftersales.chassis.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Work that falls due with business time: SLA clocks, offer timeouts, missed appointments,
 * reservation expiry, care tasks. Each service runs its sweeps on a fixed delay; the local
 * stack's platform clock also runs them at each step of an advance and asks {@link #nextDueAt}
 * where to step next, so an advance of two days handles due work in due-time order, chains
 * included.
 *
 * <p>A sweep with a schedule ({@link #every}) is run by the chassis on a fixed delay under a lease
 * ({@code sweep/<name>}), so with several instances of a service one of them scans at a time, and
 * another takes over when the holder dies and its lease expires.
 *
 * <p>{@link #runDue} must be idempotent and guarded (a due item is acted on once however often
 * and by however many instances it runs), and must handle what is due at exactly {@code now}.
 */
public interface Sweep {

    /** A short stable name for logs and the clock's report, e.g. {@code sla-clocks}. */
    String name();

    /** Acts on everything due at or before {@code now} (business time). @return how many items it acted on */
    int runDue(Instant now);

    /** How long between two scheduled runs; empty when only the platform clock's steps run it. */
    default Optional<Duration> every() {
        return Optional.empty();
    }

    /** The earliest business time something not yet acted on falls due, if anything waits. */
    Optional<Instant> nextDueAt();
}
