package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** The technician is on site: intake's on-site clock stops. Recorded once; a repeat changes nothing. */
@Service
public class RecordArrival {

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Clock clock;
    private final AppointmentMetrics metrics;
    private final MeterRegistry meters;

    RecordArrival(
            Assignments assignments,
            OwnAssignments own,
            Clock clock,
            AppointmentMetrics metrics,
            MeterRegistry meters) {
        this.assignments = assignments;
        this.own = own;
        this.clock = clock;
        this.metrics = metrics;
        this.meters = meters;
    }

    public Assignment arrive(String technicianId, String assignmentId) {
        var assignment = own.get(technicianId, assignmentId);
        if (assignment.arrivedAt() != null) {
            return assignment;
        }
        var now = clock.instant();
        try {
            var outcome = assignment.arrive(now);
            var saved = assignments.save(assignment);
            metrics.count(outcome, saved, technicianId);
            var sla = saved.onSiteDue() == null || !now.isAfter(saved.onSiteDue()) ? "MET" : "MISSED";
            Timer.builder("aftersales.visits.time-to-arrive")
                    .description("From the rule chain's decision to the technician on site, by the on-site SLA")
                    .tag("sla", sla)
                    .tag("dealer", String.valueOf(saved.dealerId()))
                    .register(meters)
                    .record(Duration.between(saved.decidedAt(), now));
            Counter.builder("aftersales.visits.arrived")
                    .tag("sla", sla)
                    .tag("dealer", String.valueOf(saved.dealerId()))
                    .register(meters)
                    .increment();
            return saved;
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
