package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An agreed resolution that asks for a visit (REVISIT, or REPAIR read the same) gets one assignment
 * per action, {@code ASG-<complaintId>-A<actionId>}, decided by the rule chain but never given to the
 * action's excluded technician nor to the technician the case is about. One per action however often
 * the event is delivered: the insert of an existing id writes nothing. Other kinds of action are not
 * dispatch's to carry out.
 */
@Service
public class CarryOutRevisit {

    private static final Logger log = LoggerFactory.getLogger(CarryOutRevisit.class);

    private final Assignments assignments;
    private final KnownCases knownCases;
    private final Installations installations;
    private final Technicians technicians;
    private final AssignmentPolicy policy;
    private final Clock clock;
    private final DispatchProperties properties;
    private final AssignmentMetrics metrics;

    CarryOutRevisit(
            Assignments assignments,
            KnownCases knownCases,
            Installations installations,
            Technicians technicians,
            AssignmentPolicy policy,
            Clock clock,
            DispatchProperties properties,
            AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.knownCases = knownCases;
        this.installations = installations;
        this.technicians = technicians;
        this.policy = policy;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    public void carryOut(ReceivedEvent<ResolutionAgreed> event) {
        var agreed = event.payload();
        for (var action : agreed.actions()) {
            if (action.kind().needsVisit()) {
                open(event.id(), agreed, action);
            }
        }
    }

    private void open(String eventId, ResolutionAgreed agreed, ResolutionAction action) {
        var actionId = action.actionId() != null ? action.actionId() : agreed.resolutionId();
        var id = Assignment.idFor(agreed.complaintId(), actionId);
        if (assignments.byId(id).isPresent()) {
            return;
        }
        var known = knownCases.byId(agreed.complaintId());
        if (known.isEmpty()) {
            // Registered before dispatch kept cases it sends nobody to: the machine is not known here.
            log.warn(
                    "resolution {} asks for a visit on complaint {}, which dispatch never saw: not dispatched",
                    agreed.resolutionId(),
                    agreed.complaintId());
            return;
        }
        var kase = known.get();
        var subject = kase.subjectTechnicianId();
        var excluded = action.excludedTechnicianId();
        var skip = excluded == null || excluded.equals(subject) ? Set.<String>of() : Set.of(excluded);
        var now = clock.instant();
        var decision = policy.decide(
                kase.serialNumber(), kase.kind() == null ? null : kase.kind().name(), skip, subject, now);
        var site = installations
                .bySerialNumber(kase.serialNumber())
                .map(i -> i.site())
                .orElse(null);
        var assignment = Assignment.forAction(
                kase,
                actionId,
                action.description(),
                // Kept for every later re-offer: the case's subject first (they must never see it), else the action's.
                subject != null ? subject : excluded,
                site,
                decision,
                now,
                properties.offerTimeout());
        assignment.events().firstDelivery(eventId);
        if (!assignments.add(assignment)) {
            return;
        }
        if (!decision.escalated()) {
            technicians.changeLoad(assignment.technicianId(), 1);
        }
        metrics.decided(decision);
        log.info(
                "resolution action {} of complaint {}: assignment {} by {}",
                actionId,
                agreed.complaintId(),
                id,
                decision.outcome());
    }
}
