package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.SlaClock;
import java.time.Instant;

/** When the promises of {@link SlaPolicy} fall due for one case. */
public record SlaDeadlines(Instant firstAnswerDue, Instant onSiteDue, Instant resolutionDue) {

    public Instant dueAt(SlaClock clock) {
        return switch (clock) {
            case FIRST_ANSWER -> firstAnswerDue;
            case ON_SITE -> onSiteDue;
            case RESOLUTION -> resolutionDue;
        };
    }
}
