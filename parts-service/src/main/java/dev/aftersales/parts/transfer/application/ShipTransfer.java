package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.stock.domain.Stocks;
import dev.aftersales.parts.transfer.application.TransferAccess.Step;
import dev.aftersales.parts.transfer.domain.Transfer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The sending dealer confirms that the units left: ETA = now + the transfer time; raises
 * TransferShipped. Confirming again changes nothing.
 */
@Service
public class ShipTransfer {

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry SHIPPING = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Stocks stocks;
    private final Clock clock;
    private final PartsProperties properties;

    ShipTransfer(Stocks stocks, Clock clock, PartsProperties properties) {
        this.stocks = stocks;
        this.clock = clock;
        this.properties = properties;
    }

    public Transfer shipped(String transferId, Caller caller) {
        var transfer = TransferAccess.require(caller, transferId, find(transferId), Step.SHIP);
        var sender = transfer.sendingLine().orElseThrow(() -> new NotFoundException("transfer " + transferId));
        SHIPPING.run(() -> {
            var line = stocks.find(sender.id()).orElseThrow();
            var now = clock.instant();
            if (line.transfer(transferId).isPresent()
                    && line.ship(transferId, now.plus(properties.transferTime()), now)) {
                stocks.save(line);
            }
        });
        return find(transferId).orElseThrow();
    }

    private Optional<Transfer> find(String transferId) {
        return Transfer.of(transferId, stocks.holdingTransfer(transferId));
    }
}
