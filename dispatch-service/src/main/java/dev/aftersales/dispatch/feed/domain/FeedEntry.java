package dev.aftersales.dispatch.feed.domain;

import java.time.Instant;

/**
 * One push to a technician's app.
 *
 * @param seq the entry's number in this technician's feed: 1, 2, 3 ... without gaps; the SSE event id
 * @param change ASSIGNED (the case is now theirs), PRIORITY (its priority changed) or WITHDRAWN (passed on after a decline or timeout, or the
 *     case was settled, closed, cancelled or handed over)
 * @param eventId the dispatch event it came from, so a redelivered event adds nothing
 * @param priority the case's priority for an ASSIGNED or PRIORITY entry (NORMAL, HIGH, URGENT); null otherwise
 *     and in older entries
 */
public record FeedEntry(
        long seq, String change, String assignmentId, String complaintId, Instant at, String eventId, String priority) {

    public FeedEntry(long seq, String change, String assignmentId, String complaintId, Instant at, String eventId) {
        this(seq, change, assignmentId, complaintId, at, eventId, null);
    }
}
