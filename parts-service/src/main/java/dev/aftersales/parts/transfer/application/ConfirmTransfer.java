package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.stock.application.OptimisticRetry;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import dev.aftersales.parts.stock.domain.TransferStatus;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The dealers confirm the steps of a transfer: the sender that the units were shipped (ETA = now +
 * the transfer time), the receiver that they arrived. Receipt takes two guarded writes — first the
 * receiver's line gains the units and the reservation, then the sender's loses them — each
 * idempotent, so a confirmation repeated after a failure finishes the move and never doubles it.
 *
 * <p>Who may: a transfer is the business of its two dealers, dispatch and operations. DISPATCHER and
 * OPS see and confirm every step (e.g. for a dealer on the phone); a dealer sees the transfers it
 * sends or receives and confirms its own side (the other side: 403). To any other dealer a transfer
 * does not exist (404, as for an unknown id), so transfer ids cannot be probed.
 *
 * @see dev.aftersales.parts.stock.domain.TransferStatus
 */
@Service
public class ConfirmTransfer {

    private enum Step {
        VIEW,
        SHIP,
        RECEIVE
    }

    public record TransferView(
            String transferId,
            String requestId,
            String partNumber,
            int quantity,
            String fromLocationId,
            String toLocationId,
            TransferStatus status,
            java.time.Instant eta) {}

    private final Stocks stocks;
    private final Clock clock;
    private final PartsProperties properties;

    ConfirmTransfer(Stocks stocks, Clock clock, PartsProperties properties) {
        this.stocks = stocks;
        this.clock = clock;
        this.properties = properties;
    }

    public TransferView shipped(String transferId, Caller caller) {
        authorize(caller, transferId, Step.SHIP);
        var sender = sender(transferId);
        OptimisticRetry.run(() -> {
            var stock = stocks.find(sender.id()).orElseThrow();
            var now = clock.instant();
            if (stock.transfer(transferId).isPresent()
                    && stock.ship(transferId, now.plus(properties.transferTime()), now)) {
                stocks.save(stock);
            }
            return null;
        });
        return find(transferId);
    }

    public TransferView received(String transferId, Caller caller) {
        authorize(caller, transferId, Step.RECEIVE);
        var current = find(transferId);
        if (current.status() == TransferStatus.REQUESTED) {
            throw new ConflictException("transfer " + transferId + " has not been shipped yet");
        }
        var sender = stocks.holdingTransfer(transferId).stream()
                .filter(s -> s.transfer(transferId)
                        .map(r -> r.transferStatus() == TransferStatus.SHIPPED)
                        .orElse(false))
                .findFirst();
        if (sender.isEmpty()) {
            return current; // received before
        }
        var shipped = sender.get().transfer(transferId).orElseThrow();
        OptimisticRetry.run(() -> {
            var receiver = stocks.find(
                            Stock.idOf(shipped.transferTo(), sender.get().partNumber()))
                    .orElseGet(
                            () -> Stock.open(shipped.transferTo(), sender.get().partNumber()));
            if (receiver.receive(shipped, clock.instant())) {
                stocks.save(receiver);
            }
            return null;
        });
        OptimisticRetry.run(() -> {
            var stock = stocks.find(sender.get().id()).orElseThrow();
            if (stock.handOver(transferId)) {
                stocks.save(stock);
            }
            return null;
        });
        return find(transferId);
    }

    public TransferView view(String transferId, Caller caller) {
        authorize(caller, transferId, Step.VIEW);
        return find(transferId);
    }

    private TransferView find(String transferId) {
        Optional<Reservation> found = Optional.empty();
        String holder = null;
        String part = null;
        for (var stock : stocks.holdingTransfer(transferId)) {
            var reservation = stock.transfer(transferId).orElseThrow();
            // after receipt the receiver's copy is the one that counts
            if (found.isEmpty() || reservation.transferStatus() == TransferStatus.RECEIVED) {
                found = Optional.of(reservation);
                holder = stock.locationId();
                part = stock.partNumber();
            }
        }
        var reservation = found.orElseThrow(() -> new NotFoundException("transfer " + transferId));
        var from = reservation.transferStatus() == TransferStatus.RECEIVED ? null : holder;
        return new TransferView(
                transferId,
                reservation.requestId(),
                part,
                reservation.quantity(),
                from,
                reservation.transferTo(),
                reservation.transferStatus(),
                reservation.readyAt());
    }

    private Stock sender(String transferId) {
        return stocks.holdingTransfer(transferId).stream()
                .filter(s -> !s.locationId()
                        .equals(s.transfer(transferId).orElseThrow().transferTo()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("transfer " + transferId));
    }

    private void authorize(Caller caller, String transferId, Step step) {
        if (caller.hasAny(Role.OPS, Role.DISPATCHER)) {
            return;
        }
        if (!caller.has(Role.DEALER)) {
            throw new AccessDeniedException("transfers are for dealers, dispatch and operations");
        }
        var parties = parties(transferId);
        var dealer = caller.dealerId();
        if (dealer == null || !(dealer.equals(parties.from()) || dealer.equals(parties.to()))) {
            throw new NotFoundException("transfer " + transferId);
        }
        if (step == Step.SHIP && !dealer.equals(parties.from())) {
            throw new AccessDeniedException("the sender " + parties.from() + " confirms the shipping");
        }
        if (step == Step.RECEIVE && !dealer.equals(parties.to())) {
            throw new AccessDeniedException("the receiver " + parties.to() + " confirms the arrival");
        }
    }

    private record Parties(String from, String to) {}

    /**
     * The sending and receiving locations. Reservations record the sender since transfers are
     * authorized by party; for older ones the sender is the line still holding it before receipt.
     */
    private Parties parties(String transferId) {
        String from = null;
        String to = null;
        for (var stock : stocks.holdingTransfer(transferId)) {
            var reservation = stock.transfer(transferId).orElseThrow();
            to = reservation.transferTo();
            if (reservation.transferFrom() != null) {
                from = reservation.transferFrom();
            } else if (from == null && !stock.locationId().equals(reservation.transferTo())) {
                from = stock.locationId();
            }
        }
        if (to == null) {
            throw new NotFoundException("transfer " + transferId);
        }
        return new Parties(from, to);
    }
}
