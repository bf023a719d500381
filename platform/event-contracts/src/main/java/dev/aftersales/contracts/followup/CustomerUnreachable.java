package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Every attempt of the retry policy went unanswered (or the number was wrong): a supervisor takes over. */
public record CustomerUnreachable(
        @NotBlank String returnCallId,
        @NotBlank String complaintId,
        int attempts,
        @NotNull Instant at) {}
