package dev.aftersales.followup.casefile.domain;

import java.time.Instant;

/** A visit completed on the case, and the satisfaction round it belongs to. */
public record CompletedVisit(String assignmentId, Instant completedAt, int round) {}
