package dev.aftersales.intake.complaint.domain;

import java.util.Optional;

/** Where complaints are kept, one document each: state, timeline and outbox change together. */
public interface Complaints {

    Optional<Complaint> find(String complaintId);

    /** Stores a new complaint; fails if its id is taken, never overwrites. */
    void add(Complaint complaint);

    /** Stores a changed complaint; fails if someone else changed it since it was read. */
    void update(Complaint complaint);
}
