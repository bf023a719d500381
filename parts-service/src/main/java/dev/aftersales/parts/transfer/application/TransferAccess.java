package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.parts.transfer.domain.Transfer;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and confirm a transfer: it is the business of its two dealers, dispatch and
 * operations. DISPATCHER and OPS see and confirm every step (e.g. for a dealer on the phone); a dealer
 * sees the transfers it sends or receives and confirms its own side (the other side: 403). To any
 * other dealer a transfer does not exist (404, as for an unknown id), so transfer ids cannot be probed.
 */
final class TransferAccess {

    enum Step {
        VIEW,
        SHIP,
        RECEIVE
    }

    private TransferAccess() {}

    /** @return the transfer, when the caller may take the step */
    static Transfer require(Caller caller, String transferId, Optional<Transfer> found, Step step) {
        if (caller.hasAny(Role.OPS, Role.DISPATCHER)) {
            return found.orElseThrow(() -> new NotFoundException("transfer " + transferId));
        }
        if (!caller.has(Role.DEALER)) {
            throw new AccessDeniedException("transfers are for dealers, dispatch and operations");
        }
        var transfer = found.orElseThrow(() -> new NotFoundException("transfer " + transferId));
        var dealer = caller.dealerId();
        if (dealer == null || !(dealer.equals(transfer.from()) || dealer.equals(transfer.to()))) {
            throw new NotFoundException("transfer " + transferId);
        }
        if (step == Step.SHIP && !dealer.equals(transfer.from())) {
            throw new AccessDeniedException("the sender " + transfer.from() + " confirms the shipping");
        }
        if (step == Step.RECEIVE && !dealer.equals(transfer.to())) {
            throw new AccessDeniedException("the receiver " + transfer.to() + " confirms the arrival");
        }
        return transfer;
    }
}
