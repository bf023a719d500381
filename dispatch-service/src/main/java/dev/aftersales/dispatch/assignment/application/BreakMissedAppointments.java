package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.time.ScheduledSweep;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.assignment.domain.AppointmentOutcome;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Counts a window nobody arrived in by its end as broken ({@code AppointmentBroken}). The due time
 * is in the assignment; the version-guarded save makes each window break at most once.
 */
@Service
public class BreakMissedAppointments extends ScheduledSweep {

    private static final Logger log = LoggerFactory.getLogger(BreakMissedAppointments.class);

    private final Assignments assignments;
    private final AssignmentMetrics metrics;

    BreakMissedAppointments(
            Assignments assignments, Clock clock, AssignmentMetrics metrics, DispatchProperties properties) {
        super("missed-appointments", properties.sweepInterval(), clock);
        this.assignments = assignments;
        this.metrics = metrics;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return assignments.nextAppointmentDue();
    }

    /** @return how many appointments this sweep counted as broken */
    @Override
    public int runDue(Instant now) {
        var broken = 0;
        for (var due : assignments.appointmentsMissedBy(now)) {
            if (!due.breakMissedAppointment(now)) {
                continue;
            }
            var saved = ConflictRetry.unlessOvertaken(() -> assignments.save(due));
            if (saved.isPresent()) {
                metrics.appointment(
                        AppointmentOutcome.BROKEN,
                        saved.get().dealerId(),
                        saved.get().technicianId());
                broken++;
            } else {
                log.debug("assignment {} changed meanwhile; the next sweep looks again", due.id());
            }
        }
        return broken;
    }
}
