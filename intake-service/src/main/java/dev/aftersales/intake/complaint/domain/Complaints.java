package dev.aftersales.intake.complaint.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where complaints are kept, one document each: state, timeline and outbox change together. */
public interface Complaints {

    Optional<Complaint> find(String complaintId);

    /** Stores a new complaint; fails if its id is taken, never overwrites. */
    void add(Complaint complaint);

    /** Stores a changed complaint; fails if someone else changed it since it was read. */
    void update(Complaint complaint);

    /** The open (not closed) cases about a machine, oldest first. */
    List<Complaint> openBySerialNumber(String serialNumber);

    /** Ids of open cases with a running SLA clock due at or before {@code now}, at most {@code limit}. */
    List<String> slaDueBy(Instant now, int limit);

    /** The earliest SLA deadline of a running clock, if any runs. */
    Optional<Instant> nextSlaDue();

    /** The earliest due time of an action not yet reported overdue, if any. */
    Optional<Instant> nextActionDue();

    /** Ids of open cases with an action of their agreed resolution promised at or before {@code now} and not yet reported, at most {@code limit}. */
    List<String> actionsDueBy(Instant now, int limit);
}
