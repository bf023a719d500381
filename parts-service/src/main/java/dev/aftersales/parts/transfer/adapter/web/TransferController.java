package dev.aftersales.parts.transfer.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.parts.stock.domain.TransferStatus;
import dev.aftersales.parts.transfer.application.ReceiveTransfer;
import dev.aftersales.parts.transfer.application.ShipTransfer;
import dev.aftersales.parts.transfer.application.ShowTransfer;
import dev.aftersales.parts.transfer.domain.Transfer;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dealers confirm their step of a transfer: the sender {@code shipped}, the receiver {@code
 * received}. Who may see and confirm which transfer is the use cases' rule.
 */
@RestController
@RequestMapping("/api/transfers/{transferId}")
class TransferController {

    /** @param fromLocationId where the units are held until they are received; null after receipt */
    record TransferView(
            String transferId,
            String requestId,
            String partNumber,
            int quantity,
            String fromLocationId,
            String toLocationId,
            TransferStatus status,
            Instant eta) {

        static TransferView of(Transfer transfer) {
            return new TransferView(
                    transfer.transferId(),
                    transfer.requestId(),
                    transfer.partNumber(),
                    transfer.quantity(),
                    transfer.heldAt(),
                    transfer.to(),
                    transfer.status(),
                    transfer.eta());
        }
    }

    private final ShipTransfer shipTransfer;
    private final ReceiveTransfer receiveTransfer;
    private final ShowTransfer showTransfer;
    private final CurrentUser user;

    TransferController(
            ShipTransfer shipTransfer, ReceiveTransfer receiveTransfer, ShowTransfer showTransfer, CurrentUser user) {
        this.shipTransfer = shipTransfer;
        this.receiveTransfer = receiveTransfer;
        this.showTransfer = showTransfer;
        this.user = user;
    }

    @PostMapping("/shipped")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    TransferView shipped(@PathVariable String transferId) {
        return TransferView.of(shipTransfer.shipped(transferId, user.caller()));
    }

    @PostMapping("/received")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    TransferView received(@PathVariable String transferId) {
        return TransferView.of(receiveTransfer.received(transferId, user.caller()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    TransferView view(@PathVariable String transferId) {
        return TransferView.of(showTransfer.view(transferId, user.caller()));
    }
}
