package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A compensation recorded on a case of any kind, within the recorder's approval limit or approved by
 * a supervisor; counted as after-sales cost per case and dealer.
 *
 * @param dealerId the dealer whose customer it is (the machine's), for the cost per dealer; may be null
 */
public record GoodwillRecorded(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String compensationId,
        @NotNull GoodwillKind kind,
        @NotNull BigDecimal amount,
        @NotBlank @Size(max = FieldLimits.TEXT) String reason,
        @NotBlank @Size(max = FieldLimits.USER_ID) String recordedBy,
        @Size(max = FieldLimits.USER_ID) String approvedBy,
        @Size(max = FieldLimits.ID) String dealerId,
        @NotNull Instant recordedAt) {}
