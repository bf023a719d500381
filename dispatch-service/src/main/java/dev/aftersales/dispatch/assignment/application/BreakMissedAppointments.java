package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.assignment.domain.AppointmentOutcome;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts a window nobody arrived in by its end as broken ({@code AppointmentBroken}). The due time
 * is in the assignment; the version-guarded save makes each window break at most once.
 */
@Service
public class BreakMissedAppointments {

    private static final Logger log = LoggerFactory.getLogger(BreakMissedAppointments.class);

    private final Assignments assignments;
    private final Clock clock;
    private final AppointmentMetrics metrics;

    BreakMissedAppointments(Assignments assignments, Clock clock, AppointmentMetrics metrics) {
        this.assignments = assignments;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @return how many appointments this sweep counted as broken */
    @Scheduled(
            fixedDelayString = "${aftersales.dispatch.sweep-interval:PT30S}",
            initialDelayString = "${aftersales.dispatch.sweep-interval:PT30S}")
    public int sweep() {
        var now = clock.instant();
        var broken = 0;
        for (var due : assignments.appointmentsMissedBy(now)) {
            if (!due.breakMissedAppointment(now)) {
                continue;
            }
            try {
                var saved = assignments.save(due);
                metrics.count(AppointmentOutcome.BROKEN, saved, saved.technicianId());
                broken++;
            } catch (OptimisticLockingFailureException e) {
                log.debug("assignment {} changed meanwhile; the next sweep looks again", due.id());
            }
        }
        return broken;
    }
}
