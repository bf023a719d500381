package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** An agent must phone the customer by {@code dueAt}. */
public record ReturnCallScheduled(
        @NotBlank String returnCallId,
        @NotBlank String complaintId,
        @NotNull ReturnCallReason reason,
        @NotNull Instant dueAt,
        @NotNull Instant scheduledAt) {}
