package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import org.springframework.stereotype.Service;

/** One assignment as the dispatcher sees it: anyone's, whatever its state. */
@Service
public class ShowAssignment {

    private final Assignments assignments;

    ShowAssignment(Assignments assignments) {
        this.assignments = assignments;
    }

    public Assignment show(String assignmentId) {
        return assignments.byId(assignmentId).orElseThrow(() -> new NotFoundException("no assignment " + assignmentId));
    }
}
