package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
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
 * @see dev.aftersales.parts.stock.domain.TransferStatus
 */
@Service
public class ConfirmTransfer {

    /** What the caller may confirm: OPS any step, a dealer only its own side. */
    public record Caller(boolean ops, String dealerId) {}

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
        var sender = sender(transferId);
        requireDealer(caller, sender.locationId());
        OptimisticRetry.run(() -> {
            var stock = stocks.find(sender.id()).orElseThrow();
            var now = clock.instant();
            if (stock.transfer(transferId).isPresent()
                    && stock.ship(transferId, now.plus(properties.transferTime()), now)) {
                stocks.save(stock);
            }
            return null;
        });
        return view(transferId);
    }

    public TransferView received(String transferId, Caller caller) {
        var current = view(transferId);
        requireDealer(caller, current.toLocationId());
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
        return view(transferId);
    }

    public TransferView view(String transferId) {
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

    private static void requireDealer(Caller caller, String locationId) {
        if (!caller.ops() && !locationId.equals(caller.dealerId())) {
            throw new AccessDeniedException("this step of the transfer is confirmed by " + locationId);
        }
    }
}
