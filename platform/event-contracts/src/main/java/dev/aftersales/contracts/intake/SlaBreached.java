package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A case's SLA clock passed its deadline before the promise was kept. Published once per clock. */
public record SlaBreached(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull SlaClock clock,
        @NotNull ComplaintKind kind,
        @NotNull Instant dueAt,
        @NotNull Instant breachedAt) {}
