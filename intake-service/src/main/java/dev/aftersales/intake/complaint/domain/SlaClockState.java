package dev.aftersales.intake.complaint.domain;

import java.time.Instant;

/**
 * Where one SLA clock of a case stands. A clock is running until it is met, breached or stopped
 * (it does not apply: no visit for a case settled by phone, nothing left to measure on a closed case).
 * A clock met after its breach keeps the breach: the promise was broken.
 */
public record SlaClockState(Instant metAt, Instant breachedAt, Instant stoppedAt) {

    public static final SlaClockState RUNNING = new SlaClockState(null, null, null);

    public boolean running() {
        return metAt == null && breachedAt == null && stoppedAt == null;
    }

    SlaClockState met(Instant at) {
        return metAt != null || stoppedAt != null ? this : new SlaClockState(at, breachedAt, null);
    }

    SlaClockState breached(Instant at) {
        return new SlaClockState(null, at, null);
    }

    SlaClockState stopped(Instant at) {
        return running() ? new SlaClockState(null, null, at) : this;
    }
}
