package dev.aftersales.intake.complaint.domain;

/** What happened to a case, one value per kind of timeline entry. */
public enum Milestone {
    REGISTERED,
    TECHNICIAN_ASSIGNED,
    ASSIGNMENT_ESCALATED,
    PARTS_REQUESTED,
    PARTS_RESERVED,
    PARTS_BACKORDERED,
    VISIT_COMPLETED,
    RETURN_CALL_SCHEDULED
}
