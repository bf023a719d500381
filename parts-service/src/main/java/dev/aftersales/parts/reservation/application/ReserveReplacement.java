package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.reservation.domain.ReservationTerms;
import dev.aftersales.parts.reservation.domain.SupplyChain;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Holds the goods of a resolution action (a replacement, a gift) along the chain that starts at the
 * selling dealer (domain.md, Parts): the selling dealer, else the nearest other dealer with all the
 * units, else the factory; the goods leave for the customer from where they are held, so there is no
 * transfer and no split (one shipment). Else they wait in line as a backorder, priority first, and
 * arriving stock serves them ({@link ServeBackorders}).
 *
 * <p>Never oversells: the units are held by a version-guarded save of one stock line, with its
 * ReplacementReserved. Handled once per action ({@link HandledOnce}): a redelivered ResolutionAgreed
 * finds the action held, backordered or shipped and changes nothing.
 */
@Service
public class ReserveReplacement {

    private static final Logger log = LoggerFactory.getLogger(ReserveReplacement.class);

    /** A stock line is hot while technicians reserve from it: the policy of every write to a line. */
    private static final ConflictRetry RESERVATIONS = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Stocks stocks;
    private final Locations locations;
    private final Backorders backorders;
    private final CaseFacts caseFacts;
    private final HandledOnce once;
    private final ReservationTerms terms;
    private final Clock clock;
    private final ReplacementMetrics metrics;

    ReserveReplacement(
            Stocks stocks,
            Locations locations,
            Backorders backorders,
            CaseFacts caseFacts,
            HandledOnce once,
            ReservationTerms terms,
            Clock clock,
            ReplacementMetrics metrics) {
        this.stocks = stocks;
        this.locations = locations;
        this.backorders = backorders;
        this.caseFacts = caseFacts;
        this.once = once;
        this.terms = terms;
        this.clock = clock;
        this.metrics = metrics;
    }

    public ReservationOutcome reserve(ReserveReplacementCommand command) {
        var requestId = Reservation.goodsRequestIdOf(command.complaintId(), command.actionId());
        var outcome = once.run(requestId, () -> handle(requestId, command)).orElse(ReservationOutcome.ALREADY_HANDLED);
        metrics.handled(outcome);
        log.info(
                "goods of action {} of complaint {}: {}",
                command.actionId(),
                command.complaintId(),
                outcome.name().toLowerCase());
        return outcome;
    }

    private ReservationOutcome handle(String requestId, ReserveReplacementCommand command) {
        // An earlier holder of the claim got it done before it could record so.
        if (backorders.exists(requestId)
                || stocks.consumedAnywhere(requestId)
                || !stocks.holdingRequest(requestId).isEmpty()) {
            return ReservationOutcome.ALREADY_HANDLED;
        }
        return RESERVATIONS.run(() -> holdOrBackorder(requestId, command));
    }

    /** Throws when another write to the chosen line came first: the caller reads and decides again. */
    private ReservationOutcome holdOrBackorder(String requestId, ReserveReplacementCommand command) {
        var now = clock.instant();
        var chain = SupplyChain.of(
                command.sellingDealerId(), stocks.withUnitsOf(command.itemNumber(), Set.of()), locations::describe);
        var whole = chain.firstWithAll(command.quantity());
        if (whole.isPresent()) {
            var from = whole.get();
            from.line()
                    .reserve(
                            terms.goods(
                                    command.complaintId(),
                                    command.actionId(),
                                    command.quantity(),
                                    from,
                                    command.sellingDealerId(),
                                    now),
                            now);
            stocks.save(from.line());
            return ReservationOutcome.heldWholeFrom(from.source());
        }
        var added = backorders.add(Backorder.ofGoods(
                command.complaintId(),
                command.actionId(),
                command.sellingDealerId(),
                command.itemNumber(),
                command.quantity(),
                caseFacts.priorityOf(command.complaintId()),
                now));
        return added ? ReservationOutcome.BACKORDERED : ReservationOutcome.ALREADY_HANDLED;
    }
}
