package dev.aftersales.dispatch.assignment.domain;

public enum AssignmentStatus {
    /** A technician owns the visit. */
    ASSIGNED,
    /** The rule chain found nobody; the case waits on the dispatcher's list. */
    ESCALATED,
    /** The technician reported the visit done. */
    COMPLETED,
    /** The case was settled, closed or cancelled before the visit was done: nobody goes. */
    CANCELLED
}
