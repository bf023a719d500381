package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.util.List;
import org.springframework.stereotype.Service;

/** The dispatcher's lists, e.g. the escalated cases nobody could be found for. */
@Service
public class ListAssignments {

    private final Assignments assignments;

    ListAssignments(Assignments assignments) {
        this.assignments = assignments;
    }

    /** Oldest decision first: the case waiting longest is the most urgent. */
    public List<Assignment> withStatus(AssignmentStatus status) {
        return assignments.withStatus(status);
    }
}
