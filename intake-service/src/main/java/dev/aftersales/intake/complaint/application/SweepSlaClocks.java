package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.SlaClock;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Breaches the SLA clocks that passed their deadline: each case keeps its next deadline in its
 * document, and a clock breaches exactly once however many instances sweep (see {@link DueCaseSweep}).
 */
@Service
public class SweepSlaClocks extends DueCaseSweep<SlaClock> {

    private static final Logger log = LoggerFactory.getLogger(SweepSlaClocks.class);

    private final ComplaintMetrics metrics;

    SweepSlaClocks(Complaints complaints, Clock clock, ComplaintMetrics metrics, IntakeProperties properties) {
        super("sla-clocks", complaints, clock, properties.sla().sweepInterval());
        this.metrics = metrics;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return complaints.nextSlaDue();
    }

    @Override
    List<String> dueBy(Instant now, int limit) {
        return complaints.slaDueBy(now, limit);
    }

    @Override
    List<SlaClock> fallDue(Complaint complaint, Instant now) {
        return complaint.breachDueClocks(now);
    }

    @Override
    void report(Complaint complaint, SlaClock slaClock) {
        metrics.slaBreached(slaClock, complaint.form().kind());
        log.info("complaint {} breached its {} clock", complaint.id(), slaClock);
    }
}
