package dev.aftersales.followup.returncall.domain;

import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.ReturnCallReason;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a {@link ReturnCall} knows besides its id, in one immutable value: the call keeps it,
 * {@link ReturnCall#snapshot} gives it to the store and {@link ReturnCall#restore} takes it back.
 * The only place the call's fields are listed.
 *
 * @param agentId the agent who holds the call: whoever made its first try follows it (their work list
 *     shows it from then on); null while nobody has tried it, and on calls stored before agents were kept
 */
public record ReturnCallState(
        String complaintId,
        String assignmentId,
        ReturnCallReason reason,
        Instant dueAt,
        ReturnCallStatus status,
        Instant scheduledAt,
        int attempts,
        int unanswered,
        CallOutcome lastOutcome,
        String agentId) {

    public ReturnCallState {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
    }

    public ReturnCallState(
            String complaintId,
            String assignmentId,
            ReturnCallReason reason,
            Instant dueAt,
            ReturnCallStatus status,
            Instant scheduledAt,
            int attempts,
            int unanswered,
            CallOutcome lastOutcome) {
        this(complaintId, assignmentId, reason, dueAt, status, scheduledAt, attempts, unanswered, lastOutcome, null);
    }

    /** A call just scheduled: due at {@code dueAt}, not tried yet. */
    static ReturnCallState due(
            String complaintId, String assignmentId, ReturnCallReason reason, Instant dueAt, Instant now) {
        return new ReturnCallState(complaintId, assignmentId, reason, dueAt, ReturnCallStatus.DUE, now, 0, 0, null);
    }

    /** One more try by {@code agent}, with how it went and where it leaves the call; the first try's agent holds it. */
    ReturnCallState tried(CallOutcome outcome, ReturnCallStatus status, Instant dueAt, int unanswered, String agent) {
        return new ReturnCallState(
                complaintId,
                assignmentId,
                reason,
                dueAt,
                status,
                scheduledAt,
                attempts + 1,
                unanswered,
                outcome,
                agentId == null ? agent : agentId);
    }
}
