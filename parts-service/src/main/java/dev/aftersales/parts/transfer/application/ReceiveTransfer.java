package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import dev.aftersales.parts.stock.domain.TransferStatus;
import dev.aftersales.parts.transfer.application.TransferAccess.Step;
import dev.aftersales.parts.transfer.domain.Transfer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The receiving dealer confirms that the units arrived (409 before they were shipped): they and
 * their reservation move to the receiver; raises TransferReceived. Receipt takes two guarded writes
 * — first the receiver's line gains the units and the reservation, then the sender's loses them —
 * each idempotent, so a confirmation repeated after a failure finishes the move and never doubles it.
 */
@Service
public class ReceiveTransfer {

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry RECEIPTS = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Stocks stocks;
    private final Clock clock;

    ReceiveTransfer(Stocks stocks, Clock clock) {
        this.stocks = stocks;
        this.clock = clock;
    }

    public Transfer received(String transferId, Caller caller) {
        var transfer = TransferAccess.require(caller, transferId, find(transferId), Step.RECEIVE);
        if (transfer.status() == TransferStatus.REQUESTED) {
            throw new ConflictException("transfer " + transferId + " has not been shipped yet");
        }
        var sender = transfer.lineShippedFrom();
        if (sender.isEmpty()) {
            return transfer; // received before
        }
        var shipped = sender.get().transfer(transferId).orElseThrow();
        var receiverId = Stock.idOf(shipped.transferTo(), transfer.partNumber());
        RECEIPTS.run(() -> {
            var receiver =
                    stocks.find(receiverId).orElseGet(() -> Stock.open(shipped.transferTo(), transfer.partNumber()));
            if (receiver.receive(shipped, clock.instant())) {
                stocks.save(receiver);
            }
        });
        RECEIPTS.run(() -> {
            var line = stocks.find(sender.get().id()).orElseThrow();
            if (line.handOver(transferId)) {
                stocks.save(line);
            }
        });
        return find(transferId).orElseThrow();
    }

    private Optional<Transfer> find(String transferId) {
        return Transfer.of(transferId, stocks.holdingTransfer(transferId));
    }
}
