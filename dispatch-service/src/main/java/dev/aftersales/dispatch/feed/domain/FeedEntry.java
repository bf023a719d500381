package dev.aftersales.dispatch.feed.domain;

import java.time.Instant;

/**
 * One push to a technician's app.
 *
 * @param seq the entry's number in this technician's feed: 1, 2, 3 ... without gaps; the SSE event id
 * @param change ASSIGNED (the case is now theirs) or WITHDRAWN (passed on after a decline or timeout)
 * @param eventId the dispatch event it came from, so a redelivered event adds nothing
 */
public record FeedEntry(long seq, String change, String assignmentId, String complaintId, Instant at, String eventId) {}
