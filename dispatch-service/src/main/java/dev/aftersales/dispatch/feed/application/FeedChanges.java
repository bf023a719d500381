package dev.aftersales.dispatch.feed.application;

import java.time.Instant;

/**
 * Told when a technician's feed got, or is about to get, an entry: the technician's open streams on
 * this instance then read the feed once. A hint only: a stream that finds the entry not written yet
 * looks again a little later, and a phone that missed a hint gets the entry when it reconnects.
 */
public interface FeedChanges {

    FeedChanges NONE = (technicianId, entryId, publishedAt) -> {};

    /**
     * @param entryId the {@code eventId} the entry carries, so a stream knows when it has it
     * @param publishedAt when the change was published (wall time), for the push delay; null for now
     */
    void changed(String technicianId, String entryId, Instant publishedAt);

    /**
     * A change to a case that puts an entry in the feed of the technician holding it, with an id made of
     * {@code eventId}, '/' and the assignment's id (a priority change): streams whose feed holds the case expect it.
     */
    default void caseChanged(String complaintId, String eventId, Instant publishedAt) {}
}
