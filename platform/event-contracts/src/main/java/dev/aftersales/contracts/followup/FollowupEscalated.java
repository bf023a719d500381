package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The customer is still not satisfied after the configured number of rounds: a supervisor takes the case. */
public record FollowupEscalated(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        int rounds,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant at) {}
