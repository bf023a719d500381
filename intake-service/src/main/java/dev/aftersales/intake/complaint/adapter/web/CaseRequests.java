package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.contracts.intake.CancellationReason;
import dev.aftersales.contracts.intake.GoodwillKind;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.intake.complaint.domain.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Bodies of the requests that work an open case. */
final class CaseRequests {

    private CaseRequests() {}

    /** What the agent told the customer. */
    record Answer(@NotBlank @Size(max = 2000) String note) {}

    /** The guidance that settled the case (电话指导). */
    record PhoneResolution(@NotBlank @Size(max = 2000) String guidance) {}

    /** Who carries an action out; a DEALER owner names the dealer. */
    enum Owner {
        AGENT,
        SUPERVISOR,
        DISPATCHER,
        DEALER
    }

    /**
     * One action of a proposal. Omitted: the owner follows the kind (goods: the machine's dealer; a
     * revisit: dispatch; else the hotline), {@code promisedBy} the default promise, {@code quantity} 1.
     *
     * @param itemNumber the stock item of REPLACEMENT or FREE_GOODS goods (a model or a consumable)
     */
    record Action(
            @NotNull ResolutionKind kind,
            @Size(max = 500) String description,
            @DecimalMin("0") @DecimalMax("10000000") BigDecimal amount,
            Owner ownerRole,
            @Size(max = 64) String ownerDealerId,
            @Future Instant promisedBy,
            @Size(max = 64) String itemNumber,
            @Min(1) @Max(10_000) Integer quantity) {

        /** A DEALER owner must be named; a dealer named for another owner would be ignored, so it is refused. */
        @AssertTrue(message = "is required exactly when ownerRole is DEALER")
        boolean isOwnerDealerId() {
            return (ownerRole == Owner.DEALER) == (ownerDealerId != null && !ownerDealerId.isBlank());
        }

        /** Goods are named with their quantity, and only goods have them. */
        @AssertTrue(message = "is required with a quantity, and only for REPLACEMENT or FREE_GOODS")
        boolean isItemNumber() {
            var named = itemNumber != null && !itemNumber.isBlank();
            return (quantity == null || named) && (!named || kind == null || kind.shipsGoods());
        }

        ResolutionAction toAction() {
            return new ResolutionAction(
                    kind,
                    description,
                    amount,
                    null,
                    ownerRole == null ? null : ownerRole.name(),
                    ownerDealerId,
                    promisedBy,
                    itemNumber,
                    quantity,
                    null,
                    null);
        }
    }

    /** Evidence that an action was carried out: a refund voucher, a waybill; what was done. */
    record ActionDone(
            @Size(max = 128) String evidenceReference,
            @Size(max = 2000) String note) {

        @AssertTrue(message = "evidenceReference or note is required")
        boolean isEvidenceReference() {
            return (evidenceReference != null && !evidenceReference.isBlank()) || (note != null && !note.isBlank());
        }
    }

    /** A compensation: what, how much (yuan), why. */
    record GoodwillGiven(
            @NotNull GoodwillKind kind,

            @NotNull @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 1000) String reason) {}

    /** Why the case ends here; a merge names the case that carries on. */
    record CaseCancellation(
            @NotNull CancellationReason reason,
            @Size(max = 64) String mergedInto,
            @NotBlank @Size(max = 1000) String note) {}

    /** A supervisor's priority, with the reason. */
    record PriorityChange(
            @NotNull Priority priority,
            @NotBlank @Size(max = 1000) String reason) {}

    /** The customer confirmed they received the shipped goods. */
    record Receipt(@Size(max = 2000) String note) {}

    /** Several actions may combine: a replacement and an apology. */
    record ProposedResolution(@NotEmpty @Size(max = 10) List<@NotNull @Valid Action> actions) {}
}
