package dev.aftersales.followup.returncall.domain;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A call (回访) an agent must make to a customer by {@code dueAt}: did it work, was the technician
 * on time and polite, how satisfied are they. One per completed visit, its id derived from the
 * assignment, so a redelivered VisitCompleted finds it already there.
 *
 * <p>Use {@link #afterVisit} to schedule one, {@link #restore} to rebuild a stored one.
 */
public final class ReturnCall {

    private final String id;
    private final String complaintId;
    private final String assignmentId;
    private final ReturnCallReason reason;
    private final Instant dueAt;
    private final ReturnCallStatus status;
    private final Instant scheduledAt;
    private final Long version;
    private final Outbox outbox;

    private ReturnCall(
            String id,
            String complaintId,
            String assignmentId,
            ReturnCallReason reason,
            Instant dueAt,
            ReturnCallStatus status,
            Instant scheduledAt,
            Long version,
            Outbox outbox) {
        this.id = Objects.requireNonNull(id, "id");
        this.complaintId = Objects.requireNonNull(complaintId, "complaintId");
        this.assignmentId = assignmentId;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.status = Objects.requireNonNull(status, "status");
        this.scheduledAt = Objects.requireNonNull(scheduledAt, "scheduledAt");
        this.version = version;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    public static String idAfterVisit(String assignmentId) {
        return "RC-" + assignmentId;
    }

    /** The return call of a completed visit, due {@code delay} after completion; raises ReturnCallScheduled. */
    public static ReturnCall afterVisit(
            String assignmentId, String complaintId, Instant completedAt, Duration delay, Instant now) {
        var call = new ReturnCall(
                idAfterVisit(assignmentId),
                complaintId,
                assignmentId,
                ReturnCallReason.AFTER_VISIT,
                completedAt.plus(delay),
                ReturnCallStatus.DUE,
                now,
                null,
                new Outbox());
        call.outbox.raise(new ReturnCallScheduled(call.id, complaintId, call.reason, call.dueAt, now), complaintId);
        return call;
    }

    public static ReturnCall restore(
            String id,
            String complaintId,
            String assignmentId,
            ReturnCallReason reason,
            Instant dueAt,
            ReturnCallStatus status,
            Instant scheduledAt,
            Long version,
            Outbox outbox) {
        return new ReturnCall(
                id,
                complaintId,
                assignmentId,
                reason,
                dueAt,
                status,
                scheduledAt,
                version,
                outbox == null ? new Outbox() : outbox);
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    public String assignmentId() {
        return assignmentId;
    }

    public ReturnCallReason reason() {
        return reason;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public ReturnCallStatus status() {
        return status;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public Long version() {
        return version;
    }

    public Outbox outbox() {
        return outbox;
    }

    public boolean isDueBy(Instant deadline) {
        return status == ReturnCallStatus.DUE && !dueAt.isAfter(deadline);
    }
}
