package dev.aftersales.contracts.followup;

/** What happened when an agent made a return call. */
public enum CallOutcome {
    REACHED,
    NO_ANSWER,
    WRONG_NUMBER,
    CALL_LATER
}
