package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** An agent made attempt {@code attempt} of a return call. */
public record ReturnCallMade(
        @NotBlank String returnCallId,
        @NotBlank String complaintId,
        @NotNull CallOutcome outcome,
        @Positive int attempt,
        @NotBlank String agentId,
        @NotNull Instant madeAt) {}
