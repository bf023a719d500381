package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.contracts.intake.CancellationReason;
import dev.aftersales.intake.complaint.domain.Cancellation;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An agent or supervisor ends a case that will not be carried to its end: the customer called it
 * off, or it duplicates another open case (merged into it). {@code ComplaintCancelled} withdraws the
 * open assignment and releases its reservations; a merged case shows on the surviving case's timeline.
 */
@Service
public class CancelCase {

    private static final Logger log = LoggerFactory.getLogger(CancelCase.class);

    private final CaseChanges changes;
    private final Complaints complaints;
    private final Clock clock;
    private final ComplaintMetrics metrics;

    CancelCase(CaseChanges changes, Complaints complaints, Clock clock, ComplaintMetrics metrics) {
        this.changes = changes;
        this.complaints = complaints;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @throws InvalidRequestException naming {@code mergedInto} when it is not another open case
     */
    public void cancel(String complaintId, CancellationReason reason, String mergedInto, String note, String by) {
        var now = clock.instant();
        if (reason == CancellationReason.MERGED) {
            if (mergedInto == null || mergedInto.isBlank()) {
                throw new InvalidRequestException("mergedInto", "is required when reason is MERGED");
            }
            if (mergedInto.equals(complaintId)
                    || complaints
                            .find(mergedInto)
                            .filter(c -> c.status().isOpen())
                            .isEmpty()) {
                throw new InvalidRequestException("mergedInto", "is not another open case");
            }
        } else if (mergedInto != null) {
            throw new InvalidRequestException("mergedInto", "is only for reason MERGED");
        }
        changes.change(complaintId, complaint -> {
            complaint.cancel(new Cancellation(reason, mergedInto, note, by, now));
            return complaint;
        });
        metrics.cancelled(reason);
        if (reason == CancellationReason.MERGED) {
            // A second write: the merged case's own timeline and event already name the survivor.
            try {
                changes.change(
                        mergedInto,
                        c -> c.mergedIn(complaintId, now) ? c : null,
                        () -> new IllegalStateException("no complaint " + mergedInto));
            } catch (RuntimeException e) {
                log.warn("could not show merged complaint {} on {}: {}", complaintId, mergedInto, e.toString());
            }
        }
        log.info("complaint {} cancelled: {}", complaintId, reason);
    }
}
