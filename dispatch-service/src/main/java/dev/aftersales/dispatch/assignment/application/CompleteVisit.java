package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.web.ConflictException;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Visit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
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

    private static final Logger log = LoggerFactory.getLogger(CompleteVisit.class);

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Technicians technicians;
    private final Clock clock;
    private final Counter fixed;
    private final Counter notFixed;

    CompleteVisit(
            Assignments assignments, OwnAssignments own, Technicians technicians, Clock clock, MeterRegistry meters) {
        this.assignments = assignments;
        this.own = own;
        this.technicians = technicians;
        this.clock = clock;
        this.fixed = visitsCompleted(meters, "FIXED");
        this.notFixed = visitsCompleted(meters, "NOT_FIXED");
    }

    private static Counter visitsCompleted(MeterRegistry meters, String outcome) {
        return Counter.builder("aftersales.visits.completed")
                .description("Visits reported done by technicians, by whether the fault was fixed")
                .tag("outcome", outcome)
                .register(meters);
    }

    public Assignment complete(CompleteVisitCommand command) {
        var assignment = own.get(command.technicianId(), command.assignmentId());
        try {
            assignment.complete(new Visit(
                    command.diagnosis(),
                    command.rootCause(),
                    command.partsUsed(),
                    command.feeCharged(),
                    command.fixed(),
                    clock.instant()));
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        var saved = assignments.save(assignment);
        technicians.changeLoad(saved.technicianId(), -1);
        (command.fixed() ? fixed : notFixed).increment();
        log.info("visit of assignment {} completed, fixed={}", saved.id(), command.fixed());
        return saved;
    }
}
