package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.time.Sweep;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves offers nobody accepted in time to the next candidate. The due time is in the assignment;
 * each expiry is a version-guarded save, so with two instances, or an accept racing the sweep, an
 * offer expires at most once.
 */
@Service
public class ExpireOffers implements Sweep {

    private static final Logger log = LoggerFactory.getLogger(ExpireOffers.class);

    private final Assignments assignments;
    private final OfferNextCandidate offerNext;
    private final Clock clock;
    private final Duration interval;

    ExpireOffers(Assignments assignments, OfferNextCandidate offerNext, Clock clock, DispatchProperties properties) {
        this.assignments = assignments;
        this.offerNext = offerNext;
        this.clock = clock;
        this.interval = properties.sweepInterval();
    }

    /** Scheduled by the chassis under the lease {@code sweep/<name>}: one instance scans at a time. */
    @Override
    public Optional<Duration> every() {
        return Optional.of(interval);
    }

    /** Runs at the business clock's now, lease or not (tests; the chassis schedules {@link #runDue} under the lease). */
    public int sweep() {
        return runDue(clock.instant());
    }

    @Override
    public String name() {
        return "offer-timeouts";
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return assignments.nextOfferExpiry();
    }

    /** @return how many offers this sweep passed on */
    @Override
    public int runDue(Instant now) {
        var expired = 0;
        for (var due : assignments.offersExpiredBy(now)) {
            try {
                if (ConflictRetry.unlessOvertaken(() -> offerNext.passOn(due, "TIMED_OUT", null, true))
                        .isPresent()) {
                    expired++;
                } else {
                    log.debug("offer of {} changed meanwhile; the next sweep looks again", due.id());
                }
            } catch (RuntimeException e) {
                log.warn("offer of {} could not be passed on", due.id(), e);
            }
        }
        return expired;
    }
}
