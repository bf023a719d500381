package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The assignments as one technician sees them: only their own. Someone else's assignment looks
 * exactly like a missing one (404), so ids of other people's work cannot be probed.
 */
@Component
public class OwnAssignments {

    private final Assignments assignments;
    private final AssignmentPages pages;

    @Autowired
    OwnAssignments(Assignments assignments, AssignmentPages pages) {
        this.assignments = assignments;
        this.pages = pages;
    }

    /** Without the paged lists: for the use cases' tests, which look assignments up one by one. */
    OwnAssignments(Assignments assignments) {
        this(assignments, null);
    }

    /** All of the technician's assignments, oldest first (the use cases' tests; the door pages). */
    public List<Assignment> list(String technicianId) {
        return assignments.ofTechnician(technicianId);
    }

    /** The technician's own assignments, newest first, one page at a time. */
    public List<Assignment> page(String technicianId, PageRequest page) {
        return pages.ofTechnician(technicianId, page);
    }

    public Assignment get(String technicianId, String assignmentId) {
        return assignments
                .byId(assignmentId)
                .filter(a -> a.isOwnedBy(technicianId))
                .orElseThrow(() -> new NotFoundException("no assignment " + assignmentId));
    }
}
