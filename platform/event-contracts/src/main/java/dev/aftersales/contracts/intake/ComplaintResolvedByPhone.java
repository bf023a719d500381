package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The agent settled the case by phone guidance (电话指导): no visit; a return call is still due. */
public record ComplaintResolvedByPhone(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @Size(max = FieldLimits.TEXT) String guidance,
        @NotBlank @Size(max = FieldLimits.USER_ID) String resolvedBy,
        @NotNull Instant resolvedAt) {}
