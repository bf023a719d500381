package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.time.Sweep;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reports the actions of agreed resolutions not done by the time promised to the customer. Each case
 * keeps its next promise in its document; the sweep finds the due ones and reports each action with a
 * version-guarded save, so an action is reported overdue exactly once however many instances sweep.
 */
@Service
public class SweepOverdueActions implements Sweep {

    private static final Logger log = LoggerFactory.getLogger(SweepOverdueActions.class);
    private static final int BATCH = 200;

    private final Complaints complaints;
    private final Clock clock;
    private final ComplaintMetrics metrics;
    private final Duration interval;

    SweepOverdueActions(Complaints complaints, Clock clock, ComplaintMetrics metrics, IntakeProperties properties) {
        this.complaints = complaints;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = properties.resolutions().overdueSweepInterval();
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
        return "overdue-actions";
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return complaints.nextActionDue();
    }

    /** @return how many actions fell overdue in this sweep */
    @Override
    public int runDue(Instant now) {
        int reported = 0;
        for (var id : complaints.actionsDueBy(now, BATCH)) {
            var complaint = complaints.find(id).orElse(null);
            if (complaint == null) {
                continue;
            }
            var overdue = complaint.reportOverdueActions(now);
            if (overdue.isEmpty()) {
                continue;
            }
            // Changed meanwhile (an action done, another instance's sweep): the next sweep decides again.
            if (!ConflictRetry.unlessOvertaken(() -> complaints.update(complaint))) {
                continue;
            }
            for (var action : overdue) {
                metrics.actionOverdue(action.kind());
                log.info("complaint {}: action {} ({}) is overdue", id, action.actionId(), action.kind());
            }
            reported += overdue.size();
        }
        return reported;
    }
}
