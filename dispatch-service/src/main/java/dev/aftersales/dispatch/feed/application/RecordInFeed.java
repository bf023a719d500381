package dev.aftersales.dispatch.feed.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Fills the technicians' feeds from dispatch's own events: a case assigned to a technician, or
 * withdrawn from them after a decline or timeout, or because the case was settled, closed, cancelled
 * or handed over. Idempotent by event id, which the feed keeps with
 * its entry.
 */
@Service
public class RecordInFeed {

    /** A technician's feed takes every change of their cases: a clash means another entry just landed. */
    private static final ConflictRetry FEED_APPENDS = ConflictRetry.upTo(5);

    private final TechnicianFeeds feeds;
    private final FeedChanges changes;

    @Autowired
    RecordInFeed(TechnicianFeeds feeds, FeedChanges changes) {
        this.feeds = feeds;
        this.changes = changes;
    }

    RecordInFeed(TechnicianFeeds feeds) {
        this(feeds, FeedChanges.NONE);
    }

    public void assigned(ReceivedEvent<TechnicianAssigned> event) {
        var e = event.payload();
        var priority = e.priority() == null ? Priority.NORMAL : e.priority();
        append(
                e.technicianId(),
                "ASSIGNED",
                e.assignmentId(),
                e.complaintId(),
                e.assignedAt(),
                event.id(),
                priority.name());
    }

    /**
     * The priority of a case the technician holds changed at intake (already committed there).
     * Idempotent by {@code entryId}: the intake event's id with the assignment's.
     */
    public void priorityChanged(
            String technicianId,
            String assignmentId,
            String complaintId,
            Priority priority,
            Instant at,
            String entryId) {
        append(technicianId, "PRIORITY", assignmentId, complaintId, at, entryId, priority.name());
    }

    /** A case settled, closed, cancelled or handed over leaves the technician's phone at once. */
    public void cancelled(ReceivedEvent<AssignmentCancelled> event) {
        var e = event.payload();
        if (e.technicianId() != null) {
            append(e.technicianId(), "WITHDRAWN", e.assignmentId(), e.complaintId(), e.cancelledAt(), event.id(), null);
        }
    }

    public void withdrawn(ReceivedEvent<AssignmentDeclined> event) {
        var e = event.payload();
        append(e.technicianId(), "WITHDRAWN", e.assignmentId(), e.complaintId(), e.declinedAt(), event.id(), null);
    }

    private void append(
            String technicianId,
            String change,
            String assignmentId,
            String complaintId,
            Instant at,
            String eventId,
            String priority) {
        boolean added = FEED_APPENDS.run(() -> {
            var feed = feeds.byTechnician(technicianId).orElseGet(() -> new TechnicianFeed(technicianId, null, null));
            if (feed.append(change, assignmentId, complaintId, at, eventId, priority)) {
                feeds.save(feed);
                return true;
            }
            return false;
        });
        if (added) {
            // This instance's streams at once; the other instances see the event on their own consumer.
            changes.changed(technicianId, eventId, null);
        }
    }
}
