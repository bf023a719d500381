package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import dev.aftersales.dispatch.archive.domain.Technician;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The dispatcher's hands on an escalated or any open assignment nobody has arrived for: give it to
 * a chosen technician (rule MANUAL, with the dispatcher's id and note), hand it to a service point's
 * least-loaded available technician, or run the rule chain again. The case is never given to the
 * technician it is about. The assignment is one document saved optimistically: of a dispatcher's
 * change and a technician's racing it, one wins and the other gets 409.
 */
@Service
public class DispatchByHand {

    private static final Logger log = LoggerFactory.getLogger(DispatchByHand.class);

    private final Assignments assignments;
    private final Technicians technicians;
    private final ServicePoints servicePoints;
    private final AssignmentPolicy policy;
    private final Clock clock;
    private final DispatchProperties properties;
    private final AssignmentMetrics metrics;

    DispatchByHand(
            Assignments assignments,
            Technicians technicians,
            ServicePoints servicePoints,
            AssignmentPolicy policy,
            Clock clock,
            DispatchProperties properties,
            AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.technicians = technicians;
        this.servicePoints = servicePoints;
        this.policy = policy;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Gives the case to the technician the dispatcher chose: active, not on leave, not whom it is about. */
    public Assignment assign(String assignmentId, String technicianId, String note, String dispatcherId) {
        var assignment = open(assignmentId);
        var chosen = technicians
                .byId(technicianId)
                .orElseThrow(() -> new InvalidRequestException("technicianId", "is not a technician of the archive"));
        if (!chosen.active()) {
            throw new ConflictException("technician " + technicianId + " is inactive");
        }
        var away = policy.unavailable(chosen, clock.instant());
        if (away != null) {
            throw new ConflictException("technician " + technicianId + " is " + away);
        }
        var why = "chosen by dispatcher " + dispatcherId + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return handOver(assignment, chosen, AssignmentRule.MANUAL, why, dispatcherId, note, "MANUAL");
    }

    /** Hands the case to a service point: its least-loaded technician who is skilled and available now. */
    public Assignment handToServicePoint(String assignmentId, String servicePointId, String note, String dispatcherId) {
        var assignment = open(assignmentId);
        var point = servicePoints.all().stream()
                .filter(p -> p.servicePointId().equals(servicePointId))
                .findFirst()
                .orElseThrow(
                        () -> new InvalidRequestException("servicePointId", "is not a service point of the archive"));
        var productLine =
                assignment.installation() != null ? assignment.installation().productLine() : null;
        var chosen = policy.availableAt(
                        point.servicePointId(),
                        productLine,
                        assignment.kind() == null ? null : assignment.kind().name(),
                        assignment.passedOverWith(assignment.technicianId()),
                        assignment.excludedTechnicianId(),
                        clock.instant())
                .orElseThrow(() -> new ConflictException(
                        "service point " + servicePointId + " has no technician available for " + assignmentId));
        var why = "handed to " + point.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                + servicePointId + " by dispatcher " + dispatcherId
                + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return handOver(assignment, chosen, AssignmentRule.MANUAL, why, dispatcherId, note, "SERVICE_POINT");
    }

    /** Runs the rule chain again, e.g. after a technician came back from leave or the archive grew. */
    public Assignment rerun(String assignmentId) {
        var assignment = open(assignmentId);
        var now = clock.instant();
        var decision = policy.decideAgain(assignment, assignment.passedOverWith(null), now);
        var before = assignment.technicianId();
        try {
            assignment.rerun(decision, now, properties.offerTimeout());
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        var saved = assignments.save(assignment);
        if (saved.technicianId() != null && !saved.technicianId().equals(before)) {
            moveLoad(before, saved.technicianId());
            metrics.decided(decision);
        }
        metrics.dispatcherActed("RERUN");
        log.info("assignment {}: chain re-run, {}", assignmentId, decision.outcome());
        return saved;
    }

    private Assignment handOver(
            Assignment assignment,
            Technician chosen,
            AssignmentRule rule,
            String why,
            String dispatcherId,
            String note,
            String action) {
        String previous;
        try {
            previous = assignment.handOver(
                    chosen, rule, why, dispatcherId, note, clock.instant(), properties.offerTimeout());
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        var saved = assignments.save(assignment);
        moveLoad(previous, chosen.technicianId());
        metrics.dispatcherActed(action);
        log.info("assignment {} given to {} by dispatcher ({})", saved.id(), chosen.technicianId(), action);
        return saved;
    }

    private void moveLoad(String from, String to) {
        if (from != null) {
            technicians.changeLoad(from, -1);
        }
        technicians.changeLoad(to, 1);
    }

    private Assignment open(String assignmentId) {
        return assignments.byId(assignmentId).orElseThrow(() -> new NotFoundException("no assignment " + assignmentId));
    }
}
