package dev.aftersales.dispatch.feed.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.time.Instant;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Fills the technicians' feeds from dispatch's own events (consumed back from its topic, so an
 * entry is never lost between the assignment's write and the feed's): a case assigned to a
 * technician, or withdrawn from them after a decline or timeout. Idempotent by event id.
 */
@Service
public class RecordInFeed {

    private static final int ATTEMPTS = 5;

    private final TechnicianFeeds feeds;

    RecordInFeed(TechnicianFeeds feeds) {
        this.feeds = feeds;
    }

    public void assigned(ReceivedEvent<TechnicianAssigned> event) {
        var e = event.payload();
        append(e.technicianId(), "ASSIGNED", e.assignmentId(), e.complaintId(), e.assignedAt(), event.id());
    }

    public void withdrawn(ReceivedEvent<AssignmentDeclined> event) {
        var e = event.payload();
        append(e.technicianId(), "WITHDRAWN", e.assignmentId(), e.complaintId(), e.declinedAt(), event.id());
    }

    private void append(
            String technicianId, String change, String assignmentId, String complaintId, Instant at, String eventId) {
        for (int attempt = 1; ; attempt++) {
            var feed = feeds.byTechnician(technicianId).orElseGet(() -> new TechnicianFeed(technicianId, null, null));
            if (!feed.append(change, assignmentId, complaintId, at, eventId)) {
                return;
            }
            try {
                feeds.save(feed);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
