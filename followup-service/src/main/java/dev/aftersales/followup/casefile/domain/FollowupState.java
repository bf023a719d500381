package dev.aftersales.followup.casefile.domain;

/** Where the loop that ends only when the customer is satisfied stands for a case. */
public enum FollowupState {
    /** Not yet confirmed satisfied: the next visit's return call surveys again. */
    OPEN,
    SATISFIED,
    /** Dissatisfied for the configured number of rounds: a supervisor owns the case. */
    ESCALATED
}
