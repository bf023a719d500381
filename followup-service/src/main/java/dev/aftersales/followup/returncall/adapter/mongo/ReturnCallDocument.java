package dev.aftersales.followup.returncall.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A return call as stored. */
@Document("return_calls")
record ReturnCallDocument(
        @Id String id,
        String complaintId,
        String assignmentId,
        ReturnCallReason reason,
        Instant dueAt,
        ReturnCallStatus status,
        Instant scheduledAt,
        int attempts,
        int unanswered,
        CallOutcome lastOutcome,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static ReturnCallDocument of(ReturnCall call) {
        return new ReturnCallDocument(
                call.id(),
                call.complaintId(),
                call.assignmentId(),
                call.reason(),
                call.dueAt(),
                call.status(),
                call.scheduledAt(),
                call.attempts(),
                call.unanswered(),
                call.lastOutcome(),
                call.version(),
                call.outbox());
    }

    ReturnCall toReturnCall() {
        return ReturnCall.restore(
                id,
                complaintId,
                assignmentId,
                reason,
                dueAt,
                status,
                scheduledAt,
                attempts,
                unanswered,
                lastOutcome,
                version,
                outbox);
    }
}
