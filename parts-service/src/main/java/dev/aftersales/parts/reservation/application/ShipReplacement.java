package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The dealer who ships a resolution's goods confirms they left for the customer: they leave the stock
 * line with their units and ReplacementShipped is raised, in one guarded save. Confirming again
 * changes nothing; goods still backordered cannot be shipped (409).
 */
@Service
public class ShipReplacement {

    private static final Logger log = LoggerFactory.getLogger(ShipReplacement.class);

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry SHIPPING = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final ReplacementLookup lookup;
    private final Stocks stocks;
    private final Clock clock;
    private final ReplacementMetrics metrics;

    ShipReplacement(ReplacementLookup lookup, Stocks stocks, Clock clock, ReplacementMetrics metrics) {
        this.lookup = lookup;
        this.stocks = stocks;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @param waybill the carrier's reference, when there is one */
    public Replacement shipped(String complaintId, String actionId, String waybill, Caller caller) {
        var replacement = lookup.require(caller, complaintId, actionId);
        if (replacement.status() == Replacement.Status.BACKORDERED) {
            throw new ConflictException("the goods of action " + actionId + " wait for stock: nothing to ship yet");
        }
        if (replacement.status() == Replacement.Status.SHIPPED) {
            return replacement;
        }
        var requestId = Reservation.goodsRequestIdOf(complaintId, actionId);
        boolean shippedNow = SHIPPING.run(() -> lookup.held(requestId)
                .map(held -> {
                    var line = held.line();
                    if (!line.shipGoods(requestId, waybill, caller.userId(), clock.instant())) {
                        return false;
                    }
                    stocks.save(line);
                    return true;
                })
                .orElse(false));
        if (shippedNow) {
            metrics.shipped();
            log.info(
                    "goods of action {} of complaint {} shipped from {}",
                    actionId,
                    complaintId,
                    replacement.locationId());
        }
        return replacement.shipped();
    }
}
