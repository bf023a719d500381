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
 * Breaches the SLA clocks that passed their deadline. Each case keeps its next deadline in its
 * document; the sweep finds the due ones and breaches each with a version-guarded save, so a clock
 * breaches exactly once however many instances sweep, and still breaches after a restart.
 */
@Service
public class SweepSlaClocks implements Sweep {

    private static final Logger log = LoggerFactory.getLogger(SweepSlaClocks.class);
    private static final int BATCH = 200;

    private final Complaints complaints;
    private final Clock clock;
    private final ComplaintMetrics metrics;
    private final Duration interval;

    SweepSlaClocks(Complaints complaints, Clock clock, ComplaintMetrics metrics, IntakeProperties properties) {
        this.complaints = complaints;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = properties.sla().sweepInterval();
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
        return "sla-clocks";
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return complaints.nextSlaDue();
    }

    /** @return how many clocks breached in this sweep */
    @Override
    public int runDue(Instant now) {
        int breached = 0;
        for (var id : complaints.slaDueBy(now, BATCH)) {
            var complaint = complaints.find(id).orElse(null);
            if (complaint == null) {
                continue;
            }
            var clocks = complaint.breachDueClocks(now);
            if (clocks.isEmpty()) {
                continue;
            }
            // Changed meanwhile (an answer, an arrival, another instance's sweep): the next sweep decides again.
            if (!ConflictRetry.unlessOvertaken(() -> complaints.update(complaint))) {
                continue;
            }
            for (var slaClock : clocks) {
                metrics.slaBreached(slaClock, complaint.form().kind());
                log.info("complaint {} breached its {} clock", id, slaClock);
            }
            breached += clocks.size();
        }
        return breached;
    }
}
