package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.time.ScheduledSweep;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
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
public class ExpireOffers extends ScheduledSweep {

    private static final Logger log = LoggerFactory.getLogger(ExpireOffers.class);

    private final Assignments assignments;
    private final OfferNextCandidate offerNext;

    ExpireOffers(Assignments assignments, OfferNextCandidate offerNext, Clock clock, DispatchProperties properties) {
        super("offer-timeouts", properties.sweepInterval(), clock);
        this.assignments = assignments;
        this.offerNext = offerNext;
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
