package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Passes a case on from the holder who declined it or let the offer time out to the next candidate
 * of the rule chain, skipping everyone who passed before. The assignment is one document and the
 * save is optimistic, so of two racing changes (accept against decline, two sweeps) only one
 * lands: the case never has two holders.
 */
@Component
class OfferNextCandidate {

    private static final Logger log = LoggerFactory.getLogger(OfferNextCandidate.class);

    private final Assignments assignments;
    private final Technicians technicians;
    private final AssignmentPolicy policy;
    private final Clock clock;
    private final DispatchProperties properties;
    private final AssignmentMetrics metrics;

    OfferNextCandidate(
            Assignments assignments,
            Technicians technicians,
            AssignmentPolicy policy,
            Clock clock,
            DispatchProperties properties,
            AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.technicians = technicians;
        this.policy = policy;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * @param reason the {@link DeclineReason} name, or {@code TIMED_OUT}: a bounded metric tag
     * @param note the technician's own words, if any
     */
    Assignment passOn(Assignment assignment, String reason, String note, boolean timedOut) {
        var holder = assignment.technicianId();
        var dealer = assignment.dealerId();
        var now = clock.instant();
        var next = policy.decideAgain(assignment, assignment.passedOverWith(holder), now);
        assignment.passOn(note == null ? reason : reason + ": " + note, timedOut, next, now, properties.offerTimeout());
        var saved = assignments.save(assignment);
        technicians.changeLoad(holder, -1);
        if (!next.escalated()) {
            technicians.changeLoad(next.technician().technicianId(), 1);
        }
        metrics.offerPassedOn(timedOut, reason, dealer);
        metrics.decided(next);
        log.info(
                "assignment {} passed on by {} ({}), now {}",
                saved.id(),
                holder,
                reason,
                next.escalated() ? "escalated" : saved.technicianId());
        return saved;
    }
}
