package dev.aftersales.dispatch.assignment.domain;

/** What became of a promised window: the tags of {@code aftersales.appointments}. */
public enum AppointmentOutcome {
    /** The technician arrived by the window's end. */
    KEPT,
    /** Moved at least the notice period before the window started; the customer is told. */
    WITH_NOTICE,
    /** Moved too late, or nobody arrived by the window's end. */
    BROKEN
}
