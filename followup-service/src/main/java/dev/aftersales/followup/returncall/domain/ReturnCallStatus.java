package dev.aftersales.followup.returncall.domain;

/** Where a return call stands. */
public enum ReturnCallStatus {
    /** Scheduled and not yet made (or to be tried again): an agent owes the customer this call by its due time. */
    DUE,
    /** The customer answered; the survey may follow. */
    REACHED,
    /** Every try of the retry policy went unanswered, or the number was wrong: on the supervisors' list. */
    UNREACHABLE
}
