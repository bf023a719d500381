package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A supervisor found two customers of the master to be one person: {@code mergedCustomerId} is now
 * {@code customerId} (its phones, addresses and names moved over; the merged id stays a pointer). On
 * {@code dispatch.customers.v1}, keyed by the surviving customer id. Carries the survivor as they now
 * stand, like {@link CustomerChanged}.
 */
public record CustomersMerged(
        @NotBlank @Size(max = FieldLimits.ID) String customerId,
        @NotBlank @Size(max = FieldLimits.ID) String mergedCustomerId,
        @Positive int revision,
        @Size(max = FieldLimits.NAME) String name,
        @Size(max = FieldLimits.LINES) List<@NotBlank @Size(max = FieldLimits.PHONE) String> phones,
        @Size(max = FieldLimits.CODE) String tier,
        boolean consentToContact,
        @NotNull Instant mergedAt) {}
