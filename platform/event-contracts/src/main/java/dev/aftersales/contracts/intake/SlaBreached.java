package dev.aftersales.contracts.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A case's SLA clock passed its deadline before the promise was kept. Published once per clock. */
public record SlaBreached(
        @NotBlank String complaintId,
        @NotNull SlaClock clock,
        @NotNull ComplaintKind kind,
        @NotNull Instant dueAt,
        @NotNull Instant breachedAt) {}
