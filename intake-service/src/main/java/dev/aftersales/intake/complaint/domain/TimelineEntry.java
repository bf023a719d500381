package dev.aftersales.intake.complaint.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a case's history, written so an agent can answer "where is my technician?" without
 * asking another service.
 *
 * @param at when it happened, by the clock of the service it happened in
 * @param detail a short text for the agent (reason, part and quantity, due time); may be empty
 * @param technicianId the technician involved, when there is one
 * @param by the user who did it (agent, supervisor) for steps taken at intake; null for other services' events
 */
public record TimelineEntry(Instant at, Milestone what, String detail, String technicianId, String by) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(what, "what");
        detail = detail == null ? "" : detail;
    }

    public TimelineEntry(Instant at, Milestone what, String detail, String technicianId) {
        this(at, what, detail, technicianId, null);
    }
}
