package dev.aftersales.dispatch.assignment.application;

/** Why a technician declines an offer: a short list, so declines can be counted by reason. */
public enum DeclineReason {
    TOO_FAR,
    NOT_SKILLED,
    FULLY_BOOKED,
    OFF_DUTY,
    OTHER
}
