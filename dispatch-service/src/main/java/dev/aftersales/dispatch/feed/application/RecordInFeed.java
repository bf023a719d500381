package dev.aftersales.dispatch.feed.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Fills the technicians' feeds from dispatch's own events: a case assigned to a technician, or
 * withdrawn from them after a decline or timeout. Idempotent by event id, which the feed keeps with
 * its entry.
 */
@Service
public class RecordInFeed {

    /** A technician's feed takes every change of their cases: a clash means another entry just landed. */
    private static final ConflictRetry FEED_APPENDS = ConflictRetry.upTo(5);

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
        FEED_APPENDS.run(() -> {
            var feed = feeds.byTechnician(technicianId).orElseGet(() -> new TechnicianFeed(technicianId, null, null));
            if (feed.append(change, assignmentId, complaintId, at, eventId)) {
                feeds.save(feed);
            }
        });
    }
}
