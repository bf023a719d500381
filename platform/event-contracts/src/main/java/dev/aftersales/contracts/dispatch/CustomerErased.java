package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The customer asked to have their personal data erased (PIPL): every service that holds their name,
 * phone or address replaces it, keeping the case facts and ids. On {@code dispatch.customers.v1}, keyed
 * by customer id. Carries ids only: each service finds the phones and names to erase in its own copy,
 * so the erasure itself leaves no personal data on the broker.
 *
 * @param formerCustomerIds ids merged into this customer earlier: their records are erased too
 */
public record CustomerErased(
        @NotBlank @Size(max = FieldLimits.ID) String customerId,
        @Size(max = FieldLimits.LINES) List<@NotBlank @Size(max = FieldLimits.ID) String> formerCustomerIds,
        @NotNull Instant erasedAt) {}
