package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.assignment.domain.Appointment;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * After phoning the customer the technician sets the visit window, or moves it. Moved at least the
 * notice period (default 2 h) before the old window starts: "with notice", the customer is told;
 * later: the old appointment counts as broken.
 */
@Service
public class SetAppointment {

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Clock clock;
    private final DispatchProperties properties;
    private final AssignmentMetrics metrics;

    SetAppointment(
            Assignments assignments,
            OwnAssignments own,
            Clock clock,
            DispatchProperties properties,
            AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.own = own;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    public Assignment set(String technicianId, String assignmentId, Instant windowStart, Instant windowEnd) {
        var assignment = own.get(technicianId, assignmentId);
        Appointment window;
        try {
            window = new Appointment(windowStart, windowEnd);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("windowEnd", e.getMessage());
        }
        try {
            var outcome = assignment.setAppointment(window, clock.instant(), properties.rescheduleNotice());
            var saved = assignments.save(assignment);
            metrics.appointment(outcome, saved.dealerId(), technicianId);
            return saved;
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
