package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.intake.ComplaintKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A visit completed on the same machine for another case, as the technician reads it before going:
 * what was found and whether it was fixed. No customer data: the contact is the current case's.
 */
public record EarlierVisit(
        String complaintId,
        ComplaintKind kind,
        Instant completedAt,
        String diagnosis,
        String rootCause,
        boolean fixed,
        String technicianId) {

    /** A machine that fails again within this time of a completed visit is a repeat failure (返修). */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(30);

    /** The technician reads the latest few; the whole history is the archive's. */
    public static final int SHOWN = 5;

    /**
     * The completed visits of {@code machine}'s other assignments up to {@code asOf}, newest first,
     * at most {@link #SHOWN}.
     */
    public static List<EarlierVisit> of(List<Assignment> machine, String assignmentId, Instant asOf) {
        return machine.stream()
                .filter(a -> !a.id().equals(assignmentId))
                .filter(a -> a.visit() != null && a.visit().completedAt() != null)
                .filter(a -> !a.visit().completedAt().isAfter(asOf))
                .sorted(Comparator.comparing((Assignment a) -> a.visit().completedAt())
                        .reversed())
                .limit(SHOWN)
                .map(a -> new EarlierVisit(
                        a.complaintId(),
                        a.kind(),
                        a.visit().completedAt(),
                        a.visit().diagnosis(),
                        a.visit().rootCause(),
                        a.visit().fixed(),
                        a.technicianId()))
                .toList();
    }

    /**
     * The case is a repeat failure when a visit for another case of the machine was completed within
     * the window before this case began (an earlier round of the same case is a revisit, not a repeat).
     */
    public static boolean repeatFailure(List<EarlierVisit> earlier, String complaintId, Instant caseBegan) {
        Objects.requireNonNull(caseBegan, "caseBegan");
        var since = caseBegan.minus(REPEAT_WINDOW);
        return earlier.stream()
                .filter(v -> !v.complaintId().equals(complaintId))
                .anyMatch(v ->
                        !v.completedAt().isBefore(since) && !v.completedAt().isAfter(caseBegan));
    }
}
