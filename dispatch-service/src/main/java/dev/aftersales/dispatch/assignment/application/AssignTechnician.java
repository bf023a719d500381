package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.KnownCase;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives every registered case that needs a visit (repair, installation, relocation, maintenance)
 * its assignment; complaints about quality, fees or service attitude go to a supervisor instead, and
 * the technician a case is about is never sent. Exactly one per complaint, also when the
 * registration is delivered twice or again after a restart: the assignment and its event are
 * inserted in one write under an id derived from the complaint, and a second insert of that id
 * fails, which means the work is already done.
 *
 * <p>The technician's load is a second write after that insert. A crash in between leaves the load
 * one too low; it only steers the choice between colleagues, so that is accepted rather than
 * spreading one decision over two documents.
 */
@Service
public class AssignTechnician {

    private static final Logger log = LoggerFactory.getLogger(AssignTechnician.class);

    private final Assignments assignments;
    private final Technicians technicians;
    private final AssignmentPolicy policy;
    private final Clock clock;
    private final Duration offerTimeout;
    private final AssignmentMetrics metrics;
    private final KnownCases knownCases;

    AssignTechnician(
            Assignments assignments,
            KnownCases knownCases,
            AssignmentPolicy policy,
            Technicians technicians,
            Clock clock,
            AssignmentMetrics metrics,
            DispatchProperties properties) {
        this.assignments = assignments;
        this.knownCases = knownCases;
        this.technicians = technicians;
        this.policy = policy;
        this.clock = clock;
        this.offerTimeout = properties.offerTimeout();
        this.metrics = metrics;
    }

    public void assign(ReceivedEvent<ComplaintRegistered> event) {
        var complaint = event.payload();
        // Every case is remembered, also those nobody is sent to: an agreed resolution may ask for a visit.
        knownCases.remember(KnownCase.of(complaint));
        if (complaint.kind() != null && !complaint.kind().needsVisit()) {
            log.debug(
                    "complaint {} is a {}: handled by a supervisor, nobody is sent",
                    complaint.complaintId(),
                    complaint.kind());
            return;
        }
        if (complaint.settledByPhone()) {
            log.debug("complaint {} settled by phone: nobody is sent", complaint.complaintId());
            return;
        }
        var id = Assignment.idFor(complaint.complaintId());
        if (assignments.byId(id).isPresent()) {
            log.debug("assignment {} exists, registration {} already handled", id, event.id());
            return;
        }
        var now = clock.instant();
        var decision = policy.decideFor(complaint, now);
        var assignment = Assignment.open(complaint, decision, now, offerTimeout);
        assignment.events().firstDelivery(event.id());
        if (!assignments.add(assignment)) {
            log.debug("assignment {} was created meanwhile by another delivery", id);
            return;
        }
        if (!decision.escalated()) {
            technicians.changeLoad(assignment.technicianId(), 1);
        }
        metrics.decided(decision);
        if (complaint.registeredAt() != null && !now.isBefore(complaint.registeredAt())) {
            metrics.timeToAssign(Duration.between(complaint.registeredAt(), now));
        }
        if (decision.escalated()) {
            log.info("assignment {} of complaint {} escalated", id, complaint.complaintId());
        } else {
            log.info(
                    "assignment {} of complaint {} to {} by rule {}",
                    id,
                    complaint.complaintId(),
                    assignment.technicianId(),
                    decision.outcome());
        }
    }
}
