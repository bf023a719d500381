package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A customer of the master changed: a supervisor set their name, tier or consent, or a row brought a
 * further phone or another name (an alias on the merge list). On {@code dispatch.customers.v1}, keyed by
 * customer id. Carries the customer as they now stand, so a consumer replaces its copy; {@code revision}
 * grows with every change, and a consumer applies an event only over an older revision.
 *
 * @param phones E.164, the customer's key first
 * @param tier null while no supervisor gave one
 */
public record CustomerChanged(
        @NotBlank @Size(max = FieldLimits.ID) String customerId,
        @Positive int revision,
        @Size(max = FieldLimits.NAME) String name,
        @Size(max = FieldLimits.LINES) List<@NotBlank @Size(max = FieldLimits.PHONE) String> phones,
        @Size(max = FieldLimits.CODE) String tier,
        boolean consentToContact,
        @NotNull Instant changedAt) {}
