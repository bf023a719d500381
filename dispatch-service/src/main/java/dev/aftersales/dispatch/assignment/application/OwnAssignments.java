package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The assignments as one technician sees them: only their own. Someone else's assignment looks
 * exactly like a missing one (404), so ids of other people's work cannot be probed.
 */
@Component
public class OwnAssignments {

    private final Assignments assignments;

    OwnAssignments(Assignments assignments) {
        this.assignments = assignments;
    }

    public List<Assignment> list(String technicianId) {
        return assignments.ofTechnician(technicianId);
    }

    public Assignment get(String technicianId, String assignmentId) {
        return assignments
                .byId(assignmentId)
                .filter(a -> a.isOwnedBy(technicianId))
                .orElseThrow(() -> new NotFoundException("no assignment " + assignmentId));
    }
}
