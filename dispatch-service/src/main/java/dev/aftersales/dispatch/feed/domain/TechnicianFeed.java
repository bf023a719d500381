package dev.aftersales.dispatch.feed.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a technician's app is told, in order: one document per technician, so appending is a
 * version-guarded write and entry numbers never have gaps or races — a phone that resumes after
 * entry n receives exactly the entries after n. Only the newest {@link #RETAINED} entries are kept.
 */
public final class TechnicianFeed {

    public static final int RETAINED = 500;

    private final String technicianId;
    private final List<FeedEntry> entries;
    private final Long version;
    /** Added since the feed was read: a store may append just these instead of rewriting the feed. */
    private final List<FeedEntry> appended = new ArrayList<>();

    public TechnicianFeed(String technicianId, List<FeedEntry> entries, Long version) {
        this.technicianId = Objects.requireNonNull(technicianId);
        this.entries = new ArrayList<>(entries == null ? List.of() : entries);
        this.version = version;
    }

    /** @return false when the event was added before */
    public boolean append(String change, String assignmentId, String complaintId, Instant at, String eventId) {
        return append(change, assignmentId, complaintId, at, eventId, null);
    }

    /** @return false when the event was added before */
    public boolean append(
            String change, String assignmentId, String complaintId, Instant at, String eventId, String priority) {
        if (entries.stream().anyMatch(e -> e.eventId().equals(eventId))) {
            return false;
        }
        var seq = entries.isEmpty() ? 1 : entries.get(entries.size() - 1).seq() + 1;
        var entry = new FeedEntry(seq, change, assignmentId, complaintId, at, eventId, priority);
        entries.add(entry);
        appended.add(entry);
        while (entries.size() > RETAINED) {
            entries.remove(0);
        }
        return true;
    }

    /** The entries after {@code seq}, oldest first. */
    public List<FeedEntry> after(long seq) {
        return entries.stream().filter(e -> e.seq() > seq).toList();
    }

    public String technicianId() {
        return technicianId;
    }

    public List<FeedEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries {@link #append} added to this copy, oldest first. */
    public List<FeedEntry> appended() {
        return List.copyOf(appended);
    }

    public Long version() {
        return version;
    }
}
