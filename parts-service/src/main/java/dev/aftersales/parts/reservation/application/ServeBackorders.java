package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.reservation.domain.ReservationTerms;
import dev.aftersales.parts.reservation.domain.SupplyChain.Supplier;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Units became available at a location (StockReplenished: a restock, an import, a release): the
 * part's backorders are served from there in line — priority first, then age — until the next in
 * line does not fit, so nobody is overtaken. Each is claimed first (a guarded save), then reserved
 * (a guarded save of the stock line, with its PartsReserved), then marked served; a serve cut short
 * is finished by the next one at the same location. Serving again changes nothing, so a redelivered
 * StockReplenished is harmless.
 */
@Service
public class ServeBackorders {

    private static final Logger log = LoggerFactory.getLogger(ServeBackorders.class);

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry RESERVATIONS = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    /** As before for backorders too, though a clash is rare: a claimed backorder is written by its claimant alone. */
    private static final ConflictRetry BACKORDER_CHANGES = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Backorders backorders;
    private final Stocks stocks;
    private final Locations locations;
    private final CaseFacts caseFacts;
    private final ReservationTerms terms;
    private final Clock clock;

    ServeBackorders(
            Backorders backorders,
            Stocks stocks,
            Locations locations,
            CaseFacts caseFacts,
            ReservationTerms terms,
            Clock clock) {
        this.backorders = backorders;
        this.stocks = stocks;
        this.locations = locations;
        this.caseFacts = caseFacts;
        this.terms = terms;
        this.clock = clock;
    }

    /** @return how many backorders were served from the location */
    public int serveAt(String locationId, String partNumber) {
        int served = 0;
        for (var waiting : inLine(backorders.openFor(partNumber))) {
            // Someone else claimed or served it meanwhile: another location is serving it.
            var claimed = ConflictRetry.unlessOvertaken(() -> claim(waiting.requestId(), locationId));
            if (claimed.isEmpty()) {
                continue;
            }
            var backorder = claimed.get();
            if (!RESERVATIONS.run(() -> reserve(backorder, locationId))) {
                BACKORDER_CHANGES.run(() -> unclaim(backorder.requestId()));
                break; // the next in line does not fit: later ones must not overtake it
            }
            BACKORDER_CHANGES.run(() -> markServed(backorder.requestId()));
            served++;
        }
        if (served > 0) {
            log.info("{} backorders of {} served from {}", served, partNumber, locationId);
        }
        return served;
    }

    /**
     * The open backorders in line by their cases' priorities as known now: a change that raced the
     * backorder's creation (read before, stored after) still moves it.
     */
    private List<Backorder> inLine(List<Backorder> open) {
        if (open.size() < 2) {
            return open;
        }
        var known =
                caseFacts.prioritiesOf(open.stream().map(Backorder::complaintId).collect(Collectors.toSet()));
        return open.stream()
                .sorted(Backorder.inLine(b -> known.getOrDefault(b.complaintId(), b.priority())))
                .toList();
    }

    /** @return the claimed backorder, or null when it is no longer claimable from this location */
    private Backorder claim(String requestId, String locationId) {
        var backorder = backorders.find(requestId).orElseThrow();
        if (!backorder.claimableBy(locationId)) {
            return null;
        }
        backorder.claim(locationId);
        return backorders.save(backorder);
    }

    private boolean reserve(Backorder backorder, String locationId) {
        var line = stocks.find(Stock.idOf(locationId, backorder.partNumber())).orElse(null);
        if (line == null) {
            return false;
        }
        if (line.hasHandled(backorder.requestId())) {
            return true; // reserved by a serve that was cut short before it marked the backorder
        }
        if (!line.canSupply(backorder.quantity())) {
            return false;
        }
        var now = clock.instant();
        var from = Supplier.of(line, locations.describe(locationId), backorder.locationId());
        if (backorder.isGoods()) {
            line.reserve(
                    terms.goods(
                            backorder.complaintId(),
                            backorder.actionId(),
                            backorder.quantity(),
                            from,
                            backorder.locationId(),
                            now),
                    now);
            stocks.save(line);
            return true;
        }
        line.reserve(
                terms.reservation(
                        backorder.request(),
                        from,
                        backorder.quantity(),
                        caseFacts.appointmentEndOf(backorder.assignmentId()),
                        now,
                        false),
                now);
        stocks.save(line);
        return true;
    }

    private void unclaim(String requestId) {
        var backorder = backorders.find(requestId).orElseThrow();
        backorder.unclaim();
        backorders.save(backorder);
    }

    private void markServed(String requestId) {
        var backorder = backorders.find(requestId).orElseThrow();
        backorder.served();
        backorders.save(backorder);
    }
}
