package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** An agent made attempt {@code attempt} of a return call. */
public record ReturnCallMade(
        @NotBlank @Size(max = FieldLimits.ID) String returnCallId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull CallOutcome outcome,
        @Positive int attempt,
        @NotBlank @Size(max = FieldLimits.USER_ID) String agentId,
        @NotNull Instant madeAt) {}
