package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.CaseRuleViolation;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintIdGenerator;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes what dispatch, parts and follow-up report about a case into its timeline, and what it
 * means for the case: an arrival meets the on-site clock, a satisfied customer closes the case, a
 * dissatisfied one reopens it. Idempotent: the case remembers the ids of the events it recorded,
 * in the same write as the change.
 */
@Service
public class RecordCaseProgress {

    private static final Logger log = LoggerFactory.getLogger(RecordCaseProgress.class);

    private final CaseChanges changes;
    private final ComplaintMetrics metrics;

    RecordCaseProgress(CaseChanges changes, ComplaintMetrics metrics) {
        this.changes = changes;
        this.metrics = metrics;
    }

    /**
     * @throws UnknownComplaintException when no such case exists; the event is retried, then
     *     dead-lettered. An event naming an id intake never issues (a thank-you or care call belongs to
     *     a machine or a customer, not a case) is counted and skipped instead.
     */
    public void record(RecordProgressCommand command) {
        var entry = command.entry();
        if (!ComplaintIdGenerator.isComplaintId(command.complaintId())) {
            metrics.eventWithoutCase(entry.what());
            log.debug("skipped {} about {}, which is no case", entry.what(), command.complaintId());
            return;
        }
        var outcome = changes.change(
                command.complaintId(),
                complaint -> {
                    if (!complaint.events().firstDelivery(command.eventId())) {
                        return null;
                    }
                    var before = complaint.status();
                    switch (command.effect()) {
                        case NONE -> complaint.append(entry);
                        case ANSWERED -> {
                            complaint.append(entry);
                            complaint.appointmentSet(entry.at());
                        }
                        case ON_SITE -> {
                            complaint.append(entry);
                            complaint.technicianArrived(entry.at());
                        }
                        case SATISFIED -> complaint.customerSatisfied(command.round(), entry);
                        case DISSATISFIED -> complaint.customerDissatisfied(command.round(), command.reason(), entry);
                        case GOODS_SHIPPED ->
                            moveAction(complaint, entry, () -> {
                                if (!complaint.goodsShipped(command.actionId(), command.reference(), entry)) {
                                    complaint.append(entry);
                                }
                            });
                        case ACTION_DONE ->
                            moveAction(complaint, entry, () -> {
                                // Throws before changing anything when the action is unknown.
                                complaint.actionDone(
                                        command.actionId(), command.by(), command.reference(), null, entry.at());
                                complaint.append(entry);
                            });
                    }
                    var after = complaint.status();
                    return new Outcome(
                            before == after ? null : after, complaint.calls().size());
                },
                () -> new UnknownComplaintException(command.complaintId()));
        metrics.timelineEvent(entry.what(), outcome == null);
        if (outcome == null) {
            return;
        }
        if (outcome.becameStatus() == ComplaintStatus.CLOSED) {
            metrics.closed(outcome.calls());
        } else if (outcome.becameStatus() == ComplaintStatus.REOPENED) {
            metrics.reopened();
        }
        log.debug("recorded {} on complaint {}", entry.what(), command.complaintId());
    }

    /**
     * An event naming an action the case does not have agreed (a late event after a new round's
     * proposal, a misrouted id) is still history: it goes on the timeline instead of being retried.
     */
    private static void moveAction(Complaint complaint, TimelineEntry entry, Runnable move) {
        try {
            move.run();
        } catch (CaseRuleViolation e) {
            log.warn("complaint {}: {} names no agreed action ({})", complaint.id(), entry.what(), e.getMessage());
            complaint.append(entry);
        }
    }

    /** @param becameStatus the status the case changed to, or null */
    private record Outcome(ComplaintStatus becameStatus, int calls) {}
}
