package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.paging.Position;
import dev.aftersales.parts.stock.domain.TransferStatus;
import java.time.Instant;

/**
 * One transfer as a dealer's list shows it: who sends what to whom, where it stands and since when.
 *
 * @param heldAt where the units are held until received; null after receipt
 * @param requestedAt when the units were held for the transfer (the list's order)
 * @param eta when the units are expected at the receiver; after receipt, when they arrived
 */
public record TransferRow(
        String transferId,
        String requestId,
        String complaintId,
        String partNumber,
        int quantity,
        String fromLocationId,
        String toLocationId,
        String heldAt,
        TransferStatus status,
        Instant requestedAt,
        Instant eta) {

    /** Where the row stands in the list's order: newest request first, ties by transfer id. */
    public Position position() {
        return new Position(requestedAt, transferId);
    }
}
