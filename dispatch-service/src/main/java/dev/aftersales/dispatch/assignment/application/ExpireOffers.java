package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Moves offers nobody accepted in time to the next candidate. The due time is in the assignment;
 * each expiry is a version-guarded save, so with two instances, or an accept racing the sweep, an
 * offer expires at most once.
 */
@Service
public class ExpireOffers {

    private static final Logger log = LoggerFactory.getLogger(ExpireOffers.class);

    private final Assignments assignments;
    private final OfferNextCandidate offerNext;
    private final Clock clock;

    ExpireOffers(Assignments assignments, OfferNextCandidate offerNext, Clock clock) {
        this.assignments = assignments;
        this.offerNext = offerNext;
        this.clock = clock;
    }

    /** @return how many offers this sweep passed on */
    @Scheduled(
            fixedDelayString = "${aftersales.dispatch.sweep-interval:PT30S}",
            initialDelayString = "${aftersales.dispatch.sweep-interval:PT30S}")
    public int sweep() {
        var now = clock.instant();
        var expired = 0;
        for (var due : assignments.offersExpiredBy(now)) {
            try {
                offerNext.passOn(due, "TIMED_OUT", null, true);
                expired++;
            } catch (OptimisticLockingFailureException e) {
                log.debug("offer of {} changed meanwhile; the next sweep looks again", due.id());
            } catch (RuntimeException e) {
                log.warn("offer of {} could not be passed on", due.id(), e);
            }
        }
        return expired;
    }
}
