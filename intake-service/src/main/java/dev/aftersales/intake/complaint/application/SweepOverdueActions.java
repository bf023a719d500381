package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.ResolutionAction;
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
 * Reports the actions of agreed resolutions not done by the time promised to the customer: each case
 * keeps its next promise in its document, and an action is reported overdue exactly once however many
 * instances sweep (see {@link DueCaseSweep}).
 */
@Service
public class SweepOverdueActions extends DueCaseSweep<ResolutionAction> {

    private static final Logger log = LoggerFactory.getLogger(SweepOverdueActions.class);

    private final ComplaintMetrics metrics;

    SweepOverdueActions(Complaints complaints, Clock clock, ComplaintMetrics metrics, IntakeProperties properties) {
        super("overdue-actions", complaints, clock, properties.resolutions().overdueSweepInterval());
        this.metrics = metrics;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return complaints.nextActionDue();
    }

    @Override
    List<String> dueBy(Instant now, int limit) {
        return complaints.actionsDueBy(now, limit);
    }

    @Override
    List<ResolutionAction> fallDue(Complaint complaint, Instant now) {
        return complaint.reportOverdueActions(now);
    }

    @Override
    void report(Complaint complaint, ResolutionAction action) {
        metrics.actionOverdue(action.kind());
        log.info("complaint {}: action {} ({}) is overdue", complaint.id(), action.actionId(), action.kind());
    }
}
