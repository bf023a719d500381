package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.time.Sweep;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.assignment.domain.AppointmentOutcome;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import java.time.Duration;
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
public class BreakMissedAppointments implements Sweep {

    private static final Logger log = LoggerFactory.getLogger(BreakMissedAppointments.class);

    private final Assignments assignments;
    private final Clock clock;
    private final AssignmentMetrics metrics;
    private final Duration interval;

    BreakMissedAppointments(
            Assignments assignments, Clock clock, AssignmentMetrics metrics, DispatchProperties properties) {
        this.assignments = assignments;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = properties.sweepInterval();
    }

    /** Scheduled by the chassis under the lease {@code sweep/<name>}: one instance scans at a time. */
    @Override
    public Optional<Duration> every() {
        return Optional.of(interval);
    }

    /** Runs at the business clock's now, lease or not (tests; the chassis schedules {@link #runDue} under the lease). */
    public int sweep() {
        return runDue(clock.instant());
    }

    @Override
    public String name() {
        return "missed-appointments";
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
