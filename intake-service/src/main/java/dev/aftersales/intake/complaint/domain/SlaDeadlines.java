package dev.aftersales.intake.complaint.domain;

import java.time.Instant;

/** When the promises of {@link SlaPolicy} fall due for one case. */
public record SlaDeadlines(Instant firstAnswerDue, Instant onSiteDue, Instant resolutionDue) {}
