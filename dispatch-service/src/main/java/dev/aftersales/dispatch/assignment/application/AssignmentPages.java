package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import java.util.List;

/**
 * The assignment lists, a page at a time in (decidedAt, id) order. An assignment's decision time
 * changes only when it is given to someone else, which moves it into another technician's list: within
 * one list the order is stable, so a page walk neither repeats nor skips one.
 */
public interface AssignmentPages {

    /** The technician's assignments, newest decision first. */
    List<Assignment> ofTechnician(String technicianId, PageRequest page);

    /** Assignments matching {@code filter}, oldest decision first (the longest waiting is the most urgent). */
    List<Assignment> matching(ListAssignments.Filter filter, PageRequest page);
}
