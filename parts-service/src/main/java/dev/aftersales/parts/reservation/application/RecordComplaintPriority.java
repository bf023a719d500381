package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A case's priority, as intake tells it (ComplaintRegistered, then PriorityChanged): it places the
 * case's backorders in line, urgent first. The case facts are what the line is ordered by when stock
 * arrives ({@link ServeBackorders}); the backorders already waiting take the new priority too, so
 * what is stored reads true. A change arriving after its backorder was made therefore still counts,
 * and a redelivered older event never undoes a newer one.
 */
@Service
public class RecordComplaintPriority {

    private static final Logger log = LoggerFactory.getLogger(RecordComplaintPriority.class);

    private static final ConflictRetry BACKORDER_CHANGES = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final CaseFacts caseFacts;
    private final Backorders backorders;

    RecordComplaintPriority(CaseFacts caseFacts, Backorders backorders) {
        this.caseFacts = caseFacts;
        this.backorders = backorders;
    }

    /** The priority the case was registered with (NORMAL when absent); a later change wins over it. */
    public void registered(String complaintId, Priority priority, Instant registeredAt) {
        var registered = priority == null ? Priority.NORMAL : priority;
        if (caseFacts.recordPriority(complaintId, registered, registeredAt, true)) {
            reprioritise(complaintId, registered);
        }
    }

    /** The case's priority changed (repeat calls, or a supervisor). */
    public void changed(String complaintId, Priority priority, Instant changedAt) {
        if (caseFacts.recordPriority(complaintId, priority, changedAt, false)) {
            int moved = reprioritise(complaintId, priority);
            log.info("complaint {} now {}: {} backorders moved in line", complaintId, priority, moved);
        }
    }

    private int reprioritise(String complaintId, Priority priority) {
        int moved = 0;
        for (var open : backorders.openOfComplaint(complaintId)) {
            if (BACKORDER_CHANGES.run(() -> backorders
                    .find(open.requestId())
                    .filter(backorder -> backorder.reprioritise(priority))
                    .map(backorders::save)
                    .isPresent())) {
                moved++;
            }
        }
        return moved;
    }
}
