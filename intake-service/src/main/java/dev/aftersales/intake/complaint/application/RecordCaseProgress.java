package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.Complaints;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Writes what dispatch, parts and follow-up report about a case into its timeline. Idempotent: the
 * case remembers the ids of the events it recorded, in the same write as the entry.
 */
@Service
public class RecordCaseProgress {

    private static final Logger log = LoggerFactory.getLogger(RecordCaseProgress.class);
    /**
     * Events of one case arrive on several topics, so two consumer threads may update it at once;
     * the loser reads again. Past this many clashes the record is left to the listener's retries.
     */
    private static final int ATTEMPTS = 5;

    private final Complaints complaints;
    private final MeterRegistry meters;

    RecordCaseProgress(Complaints complaints, MeterRegistry meters) {
        this.complaints = complaints;
        this.meters = meters;
    }

    /** @throws UnknownComplaintException when no such case exists; the event is retried, then dead-lettered */
    public void record(RecordProgressCommand command) {
        for (int attempt = 1; ; attempt++) {
            var complaint = complaints
                    .find(command.complaintId())
                    .orElseThrow(() -> new UnknownComplaintException(command.complaintId()));
            if (!complaint.record(command.eventId(), command.entry())) {
                count(command, "duplicate");
                return;
            }
            try {
                complaints.update(complaint);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            count(command, "recorded");
            log.debug("recorded {} on complaint {}", command.entry().what(), command.complaintId());
            return;
        }
    }

    private void count(RecordProgressCommand command, String outcome) {
        Counter.builder("aftersales.timeline.events")
                .description("Events of other services consumed into case timelines, by type and outcome")
                .tag("type", command.entry().what().name())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
