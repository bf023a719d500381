package dev.aftersales.dispatch.assignment.domain;

import java.time.Instant;

/** The visit window agreed with the customer. */
public record Appointment(Instant windowStart, Instant windowEnd) {

    public Appointment {
        if (windowStart == null || windowEnd == null || !windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("a visit window must end after it starts");
        }
    }
}
