package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The customer confirmed the problem is solved and is satisfied: intake may close the case. */
public record CustomerSatisfied(
        @NotBlank String complaintId,
        int round,
        int satisfaction,
        @NotNull Instant at) {}
