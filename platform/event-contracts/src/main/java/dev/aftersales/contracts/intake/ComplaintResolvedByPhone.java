package dev.aftersales.contracts.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The agent settled the case by phone guidance (电话指导): no visit; a return call is still due. */
public record ComplaintResolvedByPhone(
        @NotBlank String complaintId,
        String guidance,
        @NotBlank String resolvedBy,
        @NotNull Instant resolvedAt) {}
