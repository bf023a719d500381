package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The archive's customer master met a new customer (a phone number it did not know, on an installation
 * or an import row). On {@code dispatch.customers.v1}, keyed by customer id. Carries the name and phones
 * because intake's caller lookup shows them; followup takes the tier and the consent to be contacted.
 *
 * @param phones E.164 ({@code +86…}; a landline keeps its area code), the first is the customer's key
 * @param tier the care tier a supervisor gave the customer; null until one did
 * @param consentToContact false when the customer asked not to be called for care or surveys
 */
public record CustomerRecorded(
        @NotBlank @Size(max = FieldLimits.ID) String customerId,
        @Size(max = FieldLimits.NAME) String name,
        @NotEmpty @Size(max = FieldLimits.LINES) List<@NotBlank @Size(max = FieldLimits.PHONE) String> phones,
        @Size(max = FieldLimits.CODE) String tier,
        boolean consentToContact,
        @NotNull Instant recordedAt) {}
