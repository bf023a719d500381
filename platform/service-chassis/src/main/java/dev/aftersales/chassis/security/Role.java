package dev.aftersales.chassis.security;

/** The kinds of user; a token's {@code roles} claim lists them. */
public enum Role {
    /** Hotline agent: registers complaints, makes return calls. */
    AGENT,
    /** Approves resolutions, watches the waiting list. */
    SUPERVISOR,
    /** Sees every assignment, handles the unassigned ones. */
    DISPATCHER,
    /** Field technician: sees only their own work ({@code technician_id} claim). */
    TECHNICIAN,
    /** Dealer staff: their own locations' stock ({@code dealer_id} claim). */
    DEALER,
    /** Operations: metrics, dead letters, imports. */
    OPS
}
