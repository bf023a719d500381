package dev.aftersales.dispatch.assignment.domain;

/** What withdrawing a case did to one of its assignments. */
public enum WithdrawalOutcome {
    /** Cancelled at once: nobody had arrived. */
    CANCELLED,
    /** The technician is on site: cancelled when they acknowledge. */
    AWAITING_ACKNOWLEDGEMENT,
    /** Done, cancelled or being withdrawn already: nothing changed. */
    NOTHING_OPEN
}
