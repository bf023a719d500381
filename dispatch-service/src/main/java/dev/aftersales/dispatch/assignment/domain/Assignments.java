package dev.aftersales.dispatch.assignment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The assignments, one per complaint. */
public interface Assignments {

    /**
     * Stores a new assignment and its events in one write.
     *
     * @return false when an assignment with this id already exists: nothing was written
     */
    boolean add(Assignment assignment);

    /**
     * Stores a change and its events in one write, if nobody changed the assignment since it was read.
     *
     * Otherwise it fails with the store's optimistic-locking error and writes nothing.
     */
    Assignment save(Assignment assignment);

    Optional<Assignment> byId(String assignmentId);

    /** The technician's assignments, oldest first. */
    List<Assignment> ofTechnician(String technicianId);

    /** Assignments in this status, oldest first. */
    List<Assignment> withStatus(AssignmentStatus status);

    /** Offers not accepted by {@code now} whose time is up. */
    List<Assignment> offersExpiredBy(Instant now);

    /** When the earliest running offer times out, if one runs. */
    Optional<Instant> nextOfferExpiry();

    /** When the earliest appointment window not yet arrived in ends, if any. */
    Optional<Instant> nextAppointmentDue();

    /** Appointments whose window ended by {@code now} without anybody arriving, not yet counted as broken. */
    List<Assignment> appointmentsMissedBy(Instant now);

    /** Every assignment of the case: its first round, reopened rounds and visits for resolution actions. */
    List<Assignment> ofComplaint(String complaintId);

    /** The dealer's assignments whose visit was completed in {@code [from, until)}. */
    List<Assignment> completedForDealer(String dealerId, Instant from, Instant until);

    /** Every assignment of the machine, any round, any status. */
    List<Assignment> ofMachine(String serialNumber);
}
