package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.KnownCase;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A reopened case gets a new visit round: assignment {@code ASG-<complaintId>-R<round>}, decided by
 * the rule chain afresh, so the original installer is first again. One per round, however often
 * the event is delivered (the id is derived from it; the insert of an existing id writes nothing).
 */
@Service
public class ReopenAssignment {

    private static final Logger log = LoggerFactory.getLogger(ReopenAssignment.class);

    private final Assignments assignments;
    private final Technicians technicians;
    private final AssignmentPolicy policy;
    private final Clock clock;
    private final DispatchProperties properties;
    private final KnownCases knownCases;

    ReopenAssignment(
            Assignments assignments,
            KnownCases knownCases,
            Technicians technicians,
            AssignmentPolicy policy,
            Clock clock,
            DispatchProperties properties) {
        this.assignments = assignments;
        this.knownCases = knownCases;
        this.technicians = technicians;
        this.policy = policy;
        this.clock = clock;
        this.properties = properties;
    }

    public void reopen(ReceivedEvent<ComplaintReopened> event) {
        var reopened = event.payload();
        if (reopened.round() < 2) {
            log.warn("reopening of complaint {} names round {}: ignored", reopened.complaintId(), reopened.round());
            return;
        }
        var id = Assignment.idFor(reopened.complaintId(), reopened.round());
        if (assignments.byId(id).isPresent()) {
            return;
        }
        // The latest earlier round still known gives the contact, kind and symptoms.
        Assignment previous = null;
        for (int round = reopened.round() - 1; round >= 1 && previous == null; round--) {
            previous = assignments
                    .byId(Assignment.idFor(reopened.complaintId(), round))
                    .orElse(null);
        }
        var known = knownCases.byId(reopened.complaintId());
        if (known.isPresent()
                && known.get().kind() != null
                && !known.get().kind().needsVisit()) {
            // A complaint handled by the procedure goes back to the supervisor; a visit comes only with a resolution.
            log.debug(
                    "complaint {} reopened: a {} needs no visit",
                    reopened.complaintId(),
                    known.get().kind());
            return;
        }
        var kind = previous == null || previous.kind() == null
                ? null
                : previous.kind().name();
        var subject = previous != null
                ? previous.excludedTechnicianId()
                : known.map(KnownCase::subjectTechnicianId).orElse(null);
        var decision = policy.decide(reopened.serialNumber(), kind, Set.of(), subject, clock.instant());
        var assignment = Assignment.reopen(
                reopened.complaintId(),
                reopened.round(),
                reopened.serialNumber(),
                previous,
                reopened.reason(),
                decision,
                clock.instant(),
                properties.offerTimeout());
        assignment.events().firstDelivery(event.id());
        if (!assignments.add(assignment)) {
            return;
        }
        if (!decision.escalated()) {
            technicians.changeLoad(assignment.technicianId(), 1);
        }
        log.info("complaint {} reopened: assignment {} by {}", reopened.complaintId(), id, decision.outcome());
    }
}
