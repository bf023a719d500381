package dev.aftersales.followup.returncall.domain;

/** Where a return call stands. Outcomes (made, unreachable, dissatisfied) arrive with the survey flow. */
public enum ReturnCallStatus {
    /** Scheduled and not yet made: an agent owes the customer this call by its due time. */
    DUE
}
