package dev.aftersales.parts.reservation.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.contracts.FieldLimits;
import dev.aftersales.parts.reservation.application.Replacement;
import dev.aftersales.parts.reservation.application.ShipReplacement;
import dev.aftersales.parts.reservation.application.ShowReplacement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Goods an agreed resolution promised a customer (a replacement, a gift): the dealer who ships them
 * sees where they stand and confirms they left. Who may is the use cases' rule.
 */
@RestController
@RequestMapping("/api/replacements/{complaintId}/{actionId}")
class ReplacementController {

    /** @param waybill the carrier's reference, when the goods travel with one */
    record ShipmentConfirmation(@Size(max = FieldLimits.ID) String waybill) {}

    private final ShipReplacement shipReplacement;
    private final ShowReplacement showReplacement;
    private final CurrentUser user;

    ReplacementController(ShipReplacement shipReplacement, ShowReplacement showReplacement, CurrentUser user) {
        this.shipReplacement = shipReplacement;
        this.showReplacement = showReplacement;
        this.user = user;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS','DEALER')")
    Replacement view(@PathVariable String complaintId, @PathVariable String actionId) {
        return showReplacement.view(complaintId, actionId, user.caller());
    }

    @PostMapping("/shipped")
    @PreAuthorize("hasAnyRole('OPS','DEALER')")
    Replacement shipped(
            @PathVariable String complaintId,
            @PathVariable String actionId,
            @Valid @RequestBody(required = false) ShipmentConfirmation confirmation) {
        return shipReplacement.shipped(
                complaintId, actionId, confirmation == null ? null : confirmation.waybill(), user.caller());
    }
}
