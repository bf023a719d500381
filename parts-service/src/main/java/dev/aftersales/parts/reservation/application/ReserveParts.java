package dev.aftersales.parts.reservation.application;

import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.reservation.domain.RequestClaims;
import dev.aftersales.parts.stock.application.OptimisticRetry;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Reserves a requested part along the chain: the technician's own dealer; else the nearest other
 * dealer with enough available (a transfer to the technician's dealer); else the factory (ready
 * after its lead time); else, when allowed, split across locations (own dealer first, then the
 * nearest dealers, then the factory); else a backorder.
 *
 * <p>Never oversells: each step reads one stock document, decides on what it holds, and saves the
 * reservation together with its events only if the document is still the version that was read;
 * otherwise it reads and decides again.
 *
 * <p>Handled once per request id: the chain may write to any of several documents, so the request
 * is first claimed ({@link RequestClaims}, a unique insert). Only the claim's holder runs the chain;
 * a concurrent duplicate waits for its outcome, a later one finds it finished. Without the claim,
 * two deliveries of one request racing for the last unit of the own dealer could end with one
 * holding it there and the other taking a unit elsewhere — a request held twice.
 */
@Service
public class ReserveParts {

    private static final Logger log = LoggerFactory.getLogger(ReserveParts.class);
    private static final int MAX_PORTION_ATTEMPTS = 100;

    private final Stocks stocks;
    private final Backorders backorders;
    private final CaseFacts caseFacts;
    private final RequestClaims claims;
    private final ReservationTerms terms;
    private final PartsProperties properties;
    private final Clock clock;
    private final Map<ReservationOutcome, Counter> outcomes = new EnumMap<>(ReservationOutcome.class);
    private final Counter requests;
    private final Counter stockouts;
    private final Timer untilReady;

    ReserveParts(
            Stocks stocks,
            Backorders backorders,
            CaseFacts caseFacts,
            RequestClaims claims,
            ReservationTerms terms,
            PartsProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.stocks = stocks;
        this.backorders = backorders;
        this.caseFacts = caseFacts;
        this.claims = claims;
        this.terms = terms;
        this.properties = properties;
        this.clock = clock;
        outcomes.put(ReservationOutcome.RESERVED, outcomeCounter(meters, ReservationSource.OWN_DEALER.name()));
        outcomes.put(ReservationOutcome.TRANSFERRED, outcomeCounter(meters, ReservationSource.TRANSFER.name()));
        outcomes.put(ReservationOutcome.FROM_FACTORY, outcomeCounter(meters, ReservationSource.FACTORY.name()));
        outcomes.put(ReservationOutcome.SPLIT, outcomeCounter(meters, "SPLIT"));
        outcomes.put(ReservationOutcome.BACKORDERED, outcomeCounter(meters, "BACKORDER"));
        this.requests = Counter.builder("aftersales.parts.requests")
                .description("Parts requests handled the first time; fill rate = reservations{OWN_DEALER} / requests")
                .register(meters);
        this.stockouts = Counter.builder("aftersales.parts.stockouts")
                .description("Parts requests the technician's dealer had too few units for")
                .register(meters);
        this.untilReady = Timer.builder("aftersales.parts.time.until.ready")
                .description("From the request until the reserved parts are ready for the technician")
                .register(meters);
        Gauge.builder("aftersales.parts.backorders.open", backorders, Backorders::countOpen)
                .description("Backorders waiting for stock")
                .register(meters);
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("aftersales.parts.reservations")
                .description("Parts requests by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    public ReservationOutcome reserve(ReservePartsCommand command) {
        var claim = claim(command.requestId());
        ReservationOutcome outcome;
        if (claim.isEmpty()) {
            outcome = ReservationOutcome.ALREADY_HANDLED;
        } else {
            try {
                outcome = handle(command);
            } catch (RuntimeException e) {
                claims.drop(command.requestId(), claim.get().token()); // the retry may start at once
                throw e;
            }
            claims.finish(command.requestId(), claim.get().token(), outcome.name());
        }
        if (outcome != ReservationOutcome.ALREADY_HANDLED) {
            requests.increment();
            outcomes.get(outcome).increment();
            if (outcome != ReservationOutcome.RESERVED) {
                stockouts.increment();
            }
        }
        log.info(
                "parts request {} of complaint {}: {}",
                command.requestId(),
                command.complaintId(),
                outcome.name().toLowerCase());
        return outcome;
    }

    /**
     * Takes the request's claim, waiting while another handler holds a fresh one.
     *
     * @return empty when the request was handled to the end before
     */
    private Optional<RequestClaims.Taken> claim(String requestId) {
        long deadline = System.nanoTime() + properties.requestClaimLease().toNanos();
        for (int n = 1; ; n++) {
            var claim = claims.take(requestId, clock.instant(), properties.requestClaimLease());
            if (claim instanceof RequestClaims.Taken taken) {
                return Optional.of(taken);
            }
            if (claim instanceof RequestClaims.Finished) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                // the consumer retries later; by then the other handler finished or its lease ran out
                throw new IllegalStateException("parts request " + requestId + " is being handled elsewhere");
            }
            pause(n);
        }
    }

    /** Runs the chain for a claimed request, unless an earlier holder of the claim got it done. */
    private ReservationOutcome handle(ReservePartsCommand command) {
        // A backordered request waits its turn in line, even if stock arrived since its first delivery.
        if (backorders.exists(command.requestId()) || stocks.consumedAnywhere(command.requestId())) {
            return ReservationOutcome.ALREADY_HANDLED;
        }
        // An earlier holder died after reserving all, or some portions of a split.
        var taken = new LinkedHashMap<String, Integer>();
        for (var line : stocks.holdingRequest(command.requestId())) {
            taken.put(line.id(), line.heldFor(command.requestId()));
        }
        int held = taken.values().stream().mapToInt(Integer::intValue).sum();
        if (held >= command.quantity()) {
            return ReservationOutcome.ALREADY_HANDLED;
        }
        if (held > 0) {
            return split(command, taken);
        }
        return OptimisticRetry.run(() -> attempt(command)).orElseGet(() -> split(command, taken));
    }

    /** @return empty when no single location has enough but several together do: split it */
    private Optional<ReservationOutcome> attempt(ReservePartsCommand command) {
        var own = stocks.find(Stock.idOf(command.locationId(), command.partNumber()));
        if (own.isPresent() && own.get().canSupply(command.quantity())) {
            reserveAt(own.get(), terms.location(command.locationId()), command, command.quantity(), false);
            return Optional.of(ReservationOutcome.RESERVED);
        }
        var candidates = candidates(command, Map.of());
        for (var candidate : candidates) {
            if (!candidate.stock().locationId().equals(command.locationId())
                    && candidate.stock().canSupply(command.quantity())) {
                reserveAt(candidate.stock(), candidate.at(), command, command.quantity(), false);
                return Optional.of(
                        candidate.at().kind() == LocationKind.DEALER
                                ? ReservationOutcome.TRANSFERRED
                                : ReservationOutcome.FROM_FACTORY);
            }
        }
        int total = candidates.stream().mapToInt(c -> c.stock().available()).sum();
        if (properties.splitAllowed() && command.quantity() > 1 && total >= command.quantity()) {
            return Optional.empty();
        }
        return Optional.of(backorder(command));
    }

    /**
     * Takes portions in chain order until the request is covered. When the locations left no longer
     * add up to what is missing (others took units meanwhile), the portions taken go back and the
     * whole request is backordered: nobody holds units for a visit that cannot happen.
     *
     * @param taken portions held already, by stock line id
     */
    private ReservationOutcome split(ReservePartsCommand command, Map<String, Integer> taken) {
        int remaining = command.quantity()
                - taken.values().stream().mapToInt(Integer::intValue).sum();
        Instant lastReady = clock.instant();
        for (int n = 1; remaining > 0; ) {
            var candidates = candidates(command, taken);
            int total = candidates.stream().mapToInt(c -> c.stock().available()).sum();
            if (total < remaining) {
                abandon(command, taken.keySet());
                return backorder(command);
            }
            var next = candidates.get(0);
            int portion = Math.min(next.stock().available(), remaining);
            try {
                var reservation = reserveAt(next.stock(), next.at(), command, portion, true);
                taken.put(next.stock().id(), portion);
                remaining -= portion;
                lastReady = lastReady.isAfter(reservation.readyAt()) ? lastReady : reservation.readyAt();
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                if (++n > MAX_PORTION_ATTEMPTS) {
                    throw e;
                }
                pause(n);
            }
        }
        log.info("parts request {} split over {}", command.requestId(), taken);
        return ReservationOutcome.SPLIT;
    }

    private void abandon(ReservePartsCommand command, Iterable<String> stockIds) {
        for (var stockId : stockIds) {
            OptimisticRetry.run(() -> {
                var stock = stocks.find(stockId).orElseThrow();
                if (stock.abandonPortion(command.requestId(), clock.instant())) {
                    stocks.save(stock);
                }
                return null;
            });
        }
    }

    private ReservationOutcome backorder(ReservePartsCommand command) {
        var added = backorders.add(Backorder.of(
                command.requestId(),
                command.complaintId(),
                command.assignmentId(),
                command.locationId(),
                command.partNumber(),
                command.quantity(),
                caseFacts.priorityOf(command.complaintId()),
                null,
                clock.instant()));
        return added ? ReservationOutcome.BACKORDERED : ReservationOutcome.ALREADY_HANDLED;
    }

    private record Candidate(Stock stock, Location at) {}

    /**
     * Lines of the part with units available, in chain order: the own dealer, the other dealers
     * nearest first, then factories by lead time; lines in {@code except} left out.
     */
    private List<Candidate> candidates(ReservePartsCommand command, Map<String, Integer> except) {
        var here = terms.location(command.locationId());
        var own = new ArrayList<Candidate>();
        var dealers = new ArrayList<Candidate>();
        var factories = new ArrayList<Candidate>();
        for (var line : stocks.ofPart(command.partNumber())) {
            if (except.containsKey(line.id()) || line.available() <= 0) {
                continue;
            }
            var at = terms.location(line.locationId());
            if (line.locationId().equals(command.locationId())) {
                own.add(new Candidate(line, at));
            } else if (at.kind() == LocationKind.DEALER) {
                dealers.add(new Candidate(line, at));
            } else {
                factories.add(new Candidate(line, at));
            }
        }
        dealers.sort(Comparator.comparing(
                Candidate::at, Comparator.comparingDouble(here::distanceTo).thenComparing(Location::id)));
        factories.sort(Comparator.comparing(
                Candidate::at, Comparator.comparing(ReserveParts::leadTimeOf).thenComparing(Location::id)));
        var ordered = new ArrayList<>(own);
        ordered.addAll(dealers);
        ordered.addAll(factories);
        return ordered;
    }

    private static Duration leadTimeOf(Location factory) {
        return factory.leadTime() == null ? Duration.ofDays(36500) : factory.leadTime();
    }

    /** Throws when another write came first; the caller reads and decides again. */
    private Reservation reserveAt(
            Stock stock, Location at, ReservePartsCommand command, int quantity, boolean portion) {
        var now = clock.instant();
        var reservation = terms.at(
                at,
                command.locationId(),
                command.requestId(),
                command.complaintId(),
                command.assignmentId(),
                quantity,
                now,
                portion);
        stock.events().firstDelivery(command.eventId());
        stock.reserve(reservation, now);
        stocks.save(stock);
        untilReady.record(Duration.between(now, reservation.readyAt()));
        return reservation;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(1L << Math.min(attempt, 10), 50L)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reserving", e);
        }
    }
}
