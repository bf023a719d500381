package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** "Not solved" or satisfaction ≤ 2: intake reopens the case and dispatch sends someone again. */
public record CustomerDissatisfied(
        @NotBlank String complaintId,
        int round,
        boolean solved,
        int satisfaction,
        String reason,
        @NotNull Instant at) {}
