package dev.aftersales.dispatch.assignment.domain;

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
}
