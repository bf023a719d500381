package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The dispatcher's lists, e.g. the escalated cases nobody could be found for: by status, technician or
 * dealer (a technician or dealer with a status), decided within a period; oldest decision first.
 */
@Service
public class ListAssignments {

    /** @param from inclusive, {@code to} exclusive: when the assignment was decided */
    public record Filter(AssignmentStatus status, String technicianId, String dealerId, Instant from, Instant to) {}

    private final Assignments assignments;
    private final AssignmentPages pages;

    ListAssignments(Assignments assignments, AssignmentPages pages) {
        this.assignments = assignments;
        this.pages = pages;
    }

    /** Oldest decision first: the case waiting longest is the most urgent. */
    public List<Assignment> withStatus(AssignmentStatus status) {
        return assignments.withStatus(status);
    }

    /** @throws InvalidRequestException naming the parameters at fault */
    public List<Assignment> page(Filter filter, PageRequest page) {
        var problems = new ArrayList<FieldProblem>();
        if (filter.status() == null && filter.technicianId() == null && filter.dealerId() == null) {
            problems.add(new FieldProblem("status", "give a status, a technicianId or a dealerId"));
        }
        if (filter.technicianId() != null && filter.dealerId() != null) {
            problems.add(new FieldProblem("dealerId", "give a technicianId or a dealerId, not both"));
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return pages.matching(filter, page);
    }
}
