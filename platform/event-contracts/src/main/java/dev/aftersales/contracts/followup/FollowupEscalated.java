package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The customer is still not satisfied after the configured number of rounds: a supervisor takes the case. */
public record FollowupEscalated(
        @NotBlank String complaintId,
        int rounds,
        String reason,
        @NotNull Instant at) {}
