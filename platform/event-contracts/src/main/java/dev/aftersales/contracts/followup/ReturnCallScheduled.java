package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** An agent must phone the customer by {@code dueAt}. */
public record ReturnCallScheduled(
        @NotBlank @Size(max = FieldLimits.ID) String returnCallId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull ReturnCallReason reason,
        @NotNull Instant dueAt,
        @NotNull Instant scheduledAt) {}
