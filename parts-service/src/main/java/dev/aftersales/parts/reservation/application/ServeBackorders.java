package dev.aftersales.parts.reservation.application;

import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.stock.application.OptimisticRetry;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Units became available at a location (restock, release): the part's backorders are served from
 * there in line — priority first, then age — until the next in line does not fit. Each is claimed
 * first (a guarded save), then reserved (a guarded save of the stock line, with its PartsReserved),
 * then marked served; a serve cut short is finished by the next one at the same location.
 */
@Service
public class ServeBackorders {

    private static final Logger log = LoggerFactory.getLogger(ServeBackorders.class);

    private final Backorders backorders;
    private final Stocks stocks;
    private final ReservationTerms terms;
    private final Clock clock;

    ServeBackorders(Backorders backorders, Stocks stocks, ReservationTerms terms, Clock clock) {
        this.backorders = backorders;
        this.stocks = stocks;
        this.terms = terms;
        this.clock = clock;
    }

    /** @return how many backorders were served from the location */
    public int serveAt(String locationId, String partNumber) {
        int served = 0;
        for (var waiting : backorders.openFor(partNumber)) {
            var backorder = claim(waiting.requestId(), locationId);
            if (backorder == null) {
                continue; // another location is serving it
            }
            if (!OptimisticRetry.run(() -> reserve(backorder, locationId))) {
                OptimisticRetry.run(() -> unclaim(backorder.requestId()));
                break; // the next in line does not fit: later ones must not overtake it
            }
            OptimisticRetry.run(() -> markServed(backorder.requestId()));
            served++;
        }
        if (served > 0) {
            log.info("{} backorders of {} served from {}", served, partNumber, locationId);
        }
        return served;
    }

    /** @return the claimed backorder, or null when it is no longer claimable from this location */
    private Backorder claim(String requestId, String locationId) {
        try {
            var backorder = backorders.find(requestId).orElseThrow();
            if (!backorder.claimableBy(locationId)) {
                return null;
            }
            backorder.claim(locationId);
            return backorders.save(backorder);
        } catch (OptimisticLockingFailureException e) {
            return null; // someone else claimed or served it meanwhile
        }
    }

    private boolean reserve(Backorder backorder, String locationId) {
        var stock = stocks.find(Stock.idOf(locationId, backorder.partNumber())).orElse(null);
        if (stock == null) {
            return false;
        }
        if (stock.hasHandled(backorder.requestId())) {
            return true; // reserved by a serve that was cut short before it marked the backorder
        }
        if (!stock.canSupply(backorder.quantity())) {
            return false;
        }
        var now = clock.instant();
        stock.reserve(
                terms.at(
                        terms.location(locationId),
                        backorder.locationId(),
                        backorder.requestId(),
                        backorder.complaintId(),
                        backorder.assignmentId(),
                        backorder.quantity(),
                        now),
                now);
        stocks.save(stock);
        return true;
    }

    private Void unclaim(String requestId) {
        var backorder = backorders.find(requestId).orElseThrow();
        backorder.unclaim();
        backorders.save(backorder);
        return null;
    }

    private Void markServed(String requestId) {
        var backorder = backorders.find(requestId).orElseThrow();
        backorder.served();
        backorders.save(backorder);
        return null;
    }
}
