package dev.aftersales.parts.transfer.domain;

import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.TransferStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Units moving from one dealer to the technician's dealer, as the stock lines hold them: a
 * reservation at the sending dealer's line (REQUESTED, then SHIPPED) and, once received, its copy at
 * the receiver's line (RECEIVED), which from then on is the one that counts. Each step is a write to
 * one of those lines; this only reads where the transfer stands and who its parties are.
 */
public final class Transfer {

    private final String transferId;
    private final List<Stock> holding;
    private final Stock current;
    private final Reservation reservation;

    private Transfer(String transferId, List<Stock> holding) {
        this.transferId = transferId;
        this.holding = List.copyOf(holding);
        Stock counts = null;
        Reservation held = null;
        for (var line : holding) {
            var reservation = line.transfer(transferId).orElseThrow();
            if (held == null || reservation.transferStatus() == TransferStatus.RECEIVED) {
                counts = line;
                held = reservation;
            }
        }
        this.current = counts;
        this.reservation = held;
    }

    /**
     * @param holding the stock lines holding a reservation with this transfer id
     * @return empty when no line holds it: no such transfer
     */
    public static Optional<Transfer> of(String transferId, List<Stock> holding) {
        return holding.isEmpty() ? Optional.empty() : Optional.of(new Transfer(transferId, holding));
    }

    public String transferId() {
        return transferId;
    }

    public String requestId() {
        return reservation.requestId();
    }

    public String partNumber() {
        return current.partNumber();
    }

    public int quantity() {
        return reservation.quantity();
    }

    public TransferStatus status() {
        return reservation.transferStatus();
    }

    /** When the units are expected at the receiver; after receipt, when they arrived. */
    public Instant eta() {
        return reservation.readyAt();
    }

    /** Where the units are held until they are received; null after receipt. */
    public String heldAt() {
        return status() == TransferStatus.RECEIVED ? null : current.locationId();
    }

    /** The sending dealer. Reservations record it; for older ones, the line that held it other than the receiver. */
    public String from() {
        String from = null;
        for (var line : holding) {
            var held = line.transfer(transferId).orElseThrow();
            if (held.transferFrom() != null) {
                from = held.transferFrom();
            } else if (from == null && !line.locationId().equals(held.transferTo())) {
                from = line.locationId();
            }
        }
        return from;
    }

    /** The receiving dealer: the technician's. */
    public String to() {
        return reservation.transferTo();
    }

    /** The sender's line while it still holds the units (before receipt): where shipping is confirmed. */
    public Optional<Stock> sendingLine() {
        return holding.stream().filter(line -> !line.locationId().equals(to())).findFirst();
    }

    /** The sender's line while the units are on the lorry: what a receipt moves to the receiver. */
    public Optional<Stock> lineShippedFrom() {
        return holding.stream()
                .filter(line -> line.transfer(transferId)
                        .map(r -> r.transferStatus() == TransferStatus.SHIPPED)
                        .orElse(false))
                .findFirst();
    }
}
