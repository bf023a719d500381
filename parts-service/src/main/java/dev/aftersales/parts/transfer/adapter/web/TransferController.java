package dev.aftersales.parts.transfer.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.parts.transfer.application.ConfirmTransfer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dealers confirm their step of a transfer: the sender {@code shipped}, the receiver {@code
 * received}. Who may see and confirm which transfer is {@link ConfirmTransfer}'s rule.
 */
@RestController
@RequestMapping("/api/transfers/{transferId}")
class TransferController {

    private final ConfirmTransfer confirmTransfer;
    private final CurrentUser user;

    TransferController(ConfirmTransfer confirmTransfer, CurrentUser user) {
        this.confirmTransfer = confirmTransfer;
        this.user = user;
    }

    @PostMapping("/shipped")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    ConfirmTransfer.TransferView shipped(@PathVariable String transferId) {
        return confirmTransfer.shipped(transferId, user.caller());
    }

    @PostMapping("/received")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    ConfirmTransfer.TransferView received(@PathVariable String transferId) {
        return confirmTransfer.received(transferId, user.caller());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    ConfirmTransfer.TransferView view(@PathVariable String transferId) {
        return confirmTransfer.view(transferId, user.caller());
    }
}
