package dev.aftersales.intake.complaint.domain;

/**
 * Where a case stands, as the hotline tells a caller. It follows the timeline in time order (see
 * {@link Complaint#status()}), so events arriving late or out of order from different streams give
 * the same status.
 */
public enum ComplaintStatus {
    /** Registered; nobody owns the visit yet. */
    OPEN,
    /** Dispatch found no technician; the case waits on the dispatcher's list. */
    ESCALATED,
    /** A technician owns the visit. */
    ASSIGNED,
    /** The visit is done (or every action of the agreed resolution); the return call decides whether the customer is satisfied. */
    AWAITING_RETURN_CALL,
    /** Settled by phone guidance; the return call decides whether the customer is satisfied. */
    RESOLVED_BY_PHONE,
    /** The customer was not satisfied: open again for another round. */
    REOPENED,
    /** The customer said they are satisfied. Only a closed case is done. */
    CLOSED,
    /** Cancelled by the customer, or merged into another case of the same matter. Final, like CLOSED. */
    CANCELLED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }
}
