package dev.aftersales.followup.returncall.domain;

import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.ReturnCallReason;
import java.time.Instant;

/**
 * Everything a {@link ReturnCall} knows besides its id, in one immutable value: what {@link
 * ReturnCall#snapshot} gives the store and {@link ReturnCall#restore} takes back.
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
        CallOutcome lastOutcome) {}
