package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.ResolutionAction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A proposed settlement of a quality complaint or fee dispute (the seven-step procedure): proposed
 * by an agent, approved by a supervisor, accepted by the customer; only then carried out.
 */
public record Resolution(
        String resolutionId,
        List<ResolutionAction> actions,
        String proposedBy,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt,
        String acceptanceRecordedBy,
        Instant acceptedAt) {

    public Resolution {
        Objects.requireNonNull(resolutionId, "resolutionId");
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a resolution has at least one action");
        }
    }

    public boolean approved() {
        return approvedAt != null;
    }

    public boolean accepted() {
        return acceptedAt != null;
    }

    Resolution approve(String by, Instant at) {
        return new Resolution(resolutionId, actions, proposedBy, proposedAt, by, at, acceptanceRecordedBy, acceptedAt);
    }

    Resolution accept(String recordedBy, Instant at) {
        return new Resolution(resolutionId, actions, proposedBy, proposedAt, approvedBy, approvedAt, recordedBy, at);
    }
}
