package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.ResolutionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposed settlement of a quality complaint, fee dispute or service-attitude complaint (the
 * seven-step procedure): proposed by an agent, approved by a supervisor, accepted by the customer;
 * then carried out action by action, each by its owner and by the time promised.
 *
 * @param progress how far the actions have come, one entry per action that moved; null when none did
 * @param round the case's round the resolution was proposed in; null in cases stored before rounds (1)
 * @param carriedOutAt when the last action was done, else null
 */
public record Resolution(
        String resolutionId,
        List<ResolutionAction> actions,
        String proposedBy,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt,
        String acceptanceRecordedBy,
        Instant acceptedAt,
        List<ActionProgress> progress,
        Integer round,
        Instant carriedOutAt) {

    public Resolution {
        Objects.requireNonNull(resolutionId, "resolutionId");
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a resolution has at least one action");
        }
        progress = progress == null || progress.isEmpty() ? null : List.copyOf(progress);
    }

    /** A resolution as the first version kept it. */
    public Resolution(
            String resolutionId,
            List<ResolutionAction> actions,
            String proposedBy,
            Instant proposedAt,
            String approvedBy,
            Instant approvedAt,
            String acceptanceRecordedBy,
            Instant acceptedAt) {
        this(
                resolutionId,
                actions,
                proposedBy,
                proposedAt,
                approvedBy,
                approvedAt,
                acceptanceRecordedBy,
                acceptedAt,
                null,
                null,
                null);
    }

    public boolean approved() {
        return approvedAt != null;
    }

    public boolean accepted() {
        return acceptedAt != null;
    }

    public boolean carriedOut() {
        return carriedOutAt != null;
    }

    public int roundProposed() {
        return round == null ? 1 : round;
    }

    public Optional<ResolutionAction> action(String actionId) {
        return actions.stream().filter(a -> actionId.equals(a.actionId())).findFirst();
    }

    /** The action's progress; an action that has not moved yet has an empty one. */
    public ActionProgress progressOf(String actionId) {
        return (progress == null ? List.<ActionProgress>of() : progress)
                .stream().filter(p -> p.actionId().equals(actionId)).findFirst().orElse(ActionProgress.of(actionId));
    }

    /** True when every action is done; an action without an id (first version) can never be. */
    boolean allDone() {
        return actions.stream()
                .allMatch(a -> a.actionId() != null && progressOf(a.actionId()).done());
    }

    Resolution approve(String by, Instant at) {
        return new Resolution(
                resolutionId,
                actions,
                proposedBy,
                proposedAt,
                by,
                at,
                acceptanceRecordedBy,
                acceptedAt,
                progress,
                round,
                carriedOutAt);
    }

    Resolution accept(String recordedBy, Instant at) {
        return new Resolution(
                resolutionId,
                actions,
                proposedBy,
                proposedAt,
                approvedBy,
                approvedAt,
                recordedBy,
                at,
                progress,
                round,
                carriedOutAt);
    }

    Resolution with(ActionProgress moved) {
        var next = new ArrayList<ActionProgress>(progress == null ? List.of() : progress);
        next.removeIf(p -> p.actionId().equals(moved.actionId()));
        next.add(moved);
        return new Resolution(
                resolutionId,
                actions,
                proposedBy,
                proposedAt,
                approvedBy,
                approvedAt,
                acceptanceRecordedBy,
                acceptedAt,
                next,
                round,
                carriedOutAt);
    }

    Resolution carriedOut(Instant at) {
        return new Resolution(
                resolutionId,
                actions,
                proposedBy,
                proposedAt,
                approvedBy,
                approvedAt,
                acceptanceRecordedBy,
                acceptedAt,
                progress,
                round,
                at);
    }
}
