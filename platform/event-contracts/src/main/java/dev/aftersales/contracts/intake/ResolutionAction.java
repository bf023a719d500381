package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One part of an agreed resolution, e.g. replacement goods to ship or a fee to refund, with who
 * carries it out and by when (the time promised to the customer).
 *
 * @param actionId unique within the case; null only in events of the first version
 * @param ownerRole who carries it out: DEALER (with {@code ownerDealerId}), AGENT, SUPERVISOR, DISPATCHER…
 * @param itemNumber the stock item of REPLACEMENT or FREE_GOODS (a model or a consumable's part number)
 * @param sellingDealerId where parts starts its nearness chain for the goods: the machine's dealer
 * @param excludedTechnicianId a REVISIT is never made by the complaint's subject
 */
public record ResolutionAction(
        @NotNull ResolutionKind kind,
        @Size(max = FieldLimits.TEXT) String description,
        BigDecimal amount,
        @Size(max = FieldLimits.ID) String actionId,
        @Size(max = FieldLimits.CODE) String ownerRole,
        @Size(max = FieldLimits.ID) String ownerDealerId,
        Instant promisedBy,
        @Size(max = FieldLimits.ID) String itemNumber,
        @Min(1) @Max(10_000) Integer quantity,
        @Size(max = FieldLimits.ID) String sellingDealerId,
        @Size(max = FieldLimits.ID) String excludedTechnicianId) {

    /** An action as the first version proposed it: a kind, a description, maybe an amount. */
    public ResolutionAction(ResolutionKind kind, String description, BigDecimal amount) {
        this(kind, description, amount, null, null, null, null, null, null, null, null);
    }
}
