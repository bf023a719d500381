package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.ChargeNotConsentedException;
import dev.aftersales.dispatch.assignment.domain.Visit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The technician reports the visit done. Completing twice is refused (409); two completions racing
 * each other are settled by the optimistic save, so {@code VisitCompleted} is raised once and the
 * technician's load drops once.
 */
@Service
public class CompleteVisit {

    static final Duration REPEAT_WINDOW = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(CompleteVisit.class);

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Technicians technicians;
    private final Clock clock;
    private final AssignmentMetrics metrics;

    CompleteVisit(
            Assignments assignments,
            OwnAssignments own,
            Technicians technicians,
            Clock clock,
            AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.own = own;
        this.technicians = technicians;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Another visit to the same machine completed in the 30 days before this one. */
    private boolean visitedWithin30Days(Assignment assignment, Instant now) {
        var since = now.minus(REPEAT_WINDOW);
        return assignments.ofMachine(assignment.serialNumber()).stream()
                .filter(a -> !a.id().equals(assignment.id()))
                .map(Assignment::visit)
                .filter(Objects::nonNull)
                .anyMatch(v -> v.completedAt() != null
                        && !v.completedAt().isBefore(since)
                        && !v.completedAt().isAfter(now));
    }

    public Assignment complete(CompleteVisitCommand command) {
        var assignment = own.get(command.technicianId(), command.assignmentId());
        var now = clock.instant();
        if (visitedWithin30Days(assignment, now)) {
            assignment.markRepeatVisit();
        }
        try {
            assignment.complete(new Visit(
                    command.diagnosis(),
                    command.rootCause(),
                    command.partsUsed(),
                    command.feeCharged(),
                    command.fixed(),
                    now));
        } catch (AssignmentNotOpenException | ChargeNotConsentedException e) {
            throw new ConflictException(e.getMessage());
        }
        var saved = assignments.save(assignment);
        technicians.changeLoad(saved.technicianId(), -1);
        metrics.visitCompleted(command.fixed(), saved.repeatVisit(), saved.dealerId());
        log.info("visit of assignment {} completed, fixed={}", saved.id(), command.fixed());
        return saved;
    }
}
