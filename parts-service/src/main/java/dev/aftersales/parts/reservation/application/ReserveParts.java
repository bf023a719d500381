package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.reservation.domain.ReservationTerms;
import dev.aftersales.parts.reservation.domain.SupplyChain;
import dev.aftersales.parts.reservation.domain.SupplyChain.Supplier;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Reserves a requested part along the chain (domain.md, Parts), read top to bottom in this class:
 * the technician's own dealer; else the nearest other dealer with enough available (a transfer to
 * the technician's dealer); else the factory (ready after its lead time); else, when allowed, split
 * across locations in that same order; else a backorder, which waits in line until units become
 * available somewhere ({@link ServeBackorders}). {@link SupplyChain} orders the locations, {@link
 * ReservationTerms} says when the units are ready and until when they are held, the stock line holds them.
 *
 * <p>Never oversells: a hold is one write to one stock line, guarded by the units still available
 * there ({@link Stocks#holdAtOnce}); the reservation, its units and PartsReserved (and StockLow) are
 * that one write. Only when the guarded write keeps failing, or the line remembers the request, is the
 * line read whole, decided on ({@link Stock#reserve}) and saved if it is still the version read.
 *
 * <p>Handled once per request id: the chain may write to any of several documents, so the request
 * is first claimed ({@link HandledOnce}). Only the claim's holder runs the chain;
 * a concurrent duplicate waits for its outcome, a later one finds it finished. Without the claim,
 * two deliveries of one request racing for the last unit of the own dealer could end with one
 * holding it there and the other taking a unit elsewhere — a request held twice. The claim names
 * every line a holder writes to before it writes (the own dealer's as it is taken), so a holder
 * taking over from one that died reads just those lines, by id, to find what was done.
 */
@Service
public class ReserveParts {

    private static final Logger log = LoggerFactory.getLogger(ReserveParts.class);

    /**
     * Holds are guarded writes that a concurrent hold does not defeat, so a step is tried again only
     * when the units it chose were taken meanwhile, or when a line read whole was saved by another
     * writer first: each lost race means another reservation succeeded, so the bound only needs to
     * exceed a burst's writes to one line, and random growing pauses keep the losers from colliding
     * again in step. A line created meanwhile is a duplicate key.
     */
    private static final ConflictRetry RESERVATIONS = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Stocks stocks;
    private final Locations locations;
    private final Backorders backorders;
    private final CaseFacts caseFacts;
    private final HandledOnce once;
    private final RequestClaims claims;
    private final ReservationTerms terms;
    private final PartsProperties properties;
    private final Clock clock;
    private final ReservationMetrics metrics;

    ReserveParts(
            Stocks stocks,
            Locations locations,
            Backorders backorders,
            CaseFacts caseFacts,
            HandledOnce once,
            RequestClaims claims,
            ReservationTerms terms,
            PartsProperties properties,
            Clock clock,
            ReservationMetrics metrics) {
        this.stocks = stocks;
        this.locations = locations;
        this.backorders = backorders;
        this.caseFacts = caseFacts;
        this.once = once;
        this.claims = claims;
        this.terms = terms;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    public ReservationOutcome reserve(ReservePartsCommand command) {
        var ownLine = Stock.idOf(command.locationId(), command.partNumber());
        var outcome = once.run(command.requestId(), Set.of(ownLine), claim -> handle(command, claim))
                .orElse(ReservationOutcome.ALREADY_HANDLED);
        handled(command, outcome);
        return outcome;
    }

    /**
     * Reserves a poll's requests, as {@link #reserve} would one by one in their order. Requests for one
     * unit each at one own line (a storm on a hot part) are handled together: their claims in one
     * insert, as many as the line has units held in one guarded write, and, when no other location has
     * a unit, the rest backordered in one insert; their claims finished in one write. Anything else, and
     * a request claimed before (a redelivery, or one being handled elsewhere), goes alone through
     * {@link #reserve}. A request delivered twice in the poll is handled once.
     */
    public void reserveAll(List<ReservePartsCommand> commands) {
        var byLine = new LinkedHashMap<String, List<ReservePartsCommand>>();
        var seen = new HashSet<String>();
        var again = new ArrayList<ReservePartsCommand>();
        for (var command : commands) {
            if (seen.add(command.requestId())) {
                byLine.computeIfAbsent(
                                Stock.idOf(command.locationId(), command.partNumber()), line -> new ArrayList<>())
                        .add(command);
            } else {
                again.add(command);
            }
        }
        for (var requests : byLine.values()) {
            if (requests.size() > 1 && requests.stream().allMatch(command -> command.quantity() == 1)) {
                reserveTogether(requests);
            } else {
                requests.forEach(this::reserve);
            }
        }
        again.forEach(this::reserve); // finds its first delivery's claim finished
    }

    /**
     * Requests for one unit each at the same own line, in their order: each run of requests nobody
     * claimed before handled together, one claimed before (a redelivery, or one handled elsewhere)
     * alone where it stands. Crash-safe as one by one: every claim notes the own line before anything
     * is written, the hold is one write and the backorders' insert leaves each stored or not, so a
     * redelivery taking a claim over finds what was done (see {@link #handle}).
     */
    private void reserveTogether(List<ReservePartsCommand> requests) {
        var first = requests.get(0);
        var ownLine = Stock.idOf(first.locationId(), first.partNumber());
        var claimed = new LinkedHashMap<>(claims.takeFirst(
                requests.stream().map(ReservePartsCommand::requestId).toList(),
                properties.requestClaimLease(),
                Set.of(ownLine)));
        try {
            var run = new ArrayList<ReservePartsCommand>();
            for (var command : requests) {
                if (claimed.containsKey(command.requestId())) {
                    run.add(command);
                } else {
                    reserveRun(run, ownLine, claimed);
                    run.clear();
                    reserve(command);
                }
            }
            reserveRun(run, ownLine, claimed);
        } catch (RuntimeException e) {
            // Each request's retry alone takes its claim at once, and finds what was written for it.
            claimed.forEach((requestId, claim) -> claims.drop(requestId, claim.token()));
            throw e;
        }
    }

    /**
     * Requests claimed just now, nothing written for them anywhere: as many as the own line has
     * units held in one write, the rest backordered in one insert when no other location has a unit
     * (else each goes down the chain alone). Their claims are finished, and leave {@code claimed}.
     */
    private void reserveRun(List<ReservePartsCommand> run, String ownLine, Map<String, RequestClaims.Taken> claimed) {
        if (run.isEmpty()) {
            return;
        }
        var first = run.get(0);
        var outcomes = new LinkedHashMap<String, ReservationOutcome>();
        var now = clock.instant();
        var held = stocks.holdAllAtOnce(
                first.locationId(),
                first.partNumber(),
                available -> {
                    var fitting = run.subList(0, Math.min(available, run.size()));
                    var appointmentEnds = caseFacts.appointmentEndsOf(fitting.stream()
                            .map(ReservePartsCommand::assignmentId)
                            .toList());
                    return fitting.stream()
                            .map(command -> terms.atOwnDealer(
                                    command.request(),
                                    1,
                                    Optional.ofNullable(appointmentEnds.get(command.assignmentId())),
                                    now))
                            .toList();
                },
                now);
        held.ifPresent(reservations -> reservations.forEach(reservation -> {
            outcomes.put(reservation.requestId(), ReservationOutcome.RESERVED);
            metrics.heldUntilReady(Duration.ZERO);
        }));
        var rest = run.stream()
                .filter(command -> !outcomes.containsKey(command.requestId()))
                .toList();
        if (held.isPresent() && chain(first, Set.of(ownLine)).suppliers().isEmpty()) {
            backorderAll(rest, outcomes);
        } else {
            // the line kept changing, or units wait elsewhere: the chain, request by request
            rest.forEach(
                    command -> outcomes.put(command.requestId(), handle(command, claimed.get(command.requestId()))));
        }
        var named = new LinkedHashMap<String, String>();
        outcomes.forEach((requestId, outcome) -> named.put(requestId, outcome.name()));
        claims.finishAll(claimed, named);
        for (var command : run) {
            claimed.remove(command.requestId());
            handled(command, outcomes.get(command.requestId()));
        }
    }

    private void handled(ReservePartsCommand command, ReservationOutcome outcome) {
        metrics.requestHandled(outcome);
        log.info(
                "parts request {} of complaint {}: {}",
                command.requestId(),
                command.complaintId(),
                outcome.name().toLowerCase());
    }

    /** Step 5 for several requests: one read of their complaints' priorities, one insert of their backorders. */
    private void backorderAll(List<ReservePartsCommand> requests, Map<String, ReservationOutcome> outcomes) {
        if (requests.isEmpty()) {
            return;
        }
        var priorities = caseFacts.prioritiesOf(
                requests.stream().map(ReservePartsCommand::complaintId).collect(Collectors.toSet()));
        var now = clock.instant();
        var added = backorders.addAll(requests.stream()
                .map(command ->
                        waitingInLine(command, priorities.getOrDefault(command.complaintId(), Priority.NORMAL), now))
                .toList());
        requests.forEach(command -> outcomes.put(
                command.requestId(),
                added.contains(command.requestId())
                        ? ReservationOutcome.BACKORDERED
                        : ReservationOutcome.ALREADY_HANDLED));
    }

    /** Runs the chain for a claimed request, unless an earlier holder of the claim got it done. */
    private ReservationOutcome handle(ReservePartsCommand command, RequestClaims.Taken claim) {
        var taken = new LinkedHashMap<String, Integer>();
        if (!claim.first()) {
            // A backordered request waits its turn in line, even if stock arrived since its first delivery.
            if (backorders.exists(command.requestId())) {
                return ReservationOutcome.ALREADY_HANDLED;
            }
            // An earlier holder died after reserving all, or some portions of a split, or it was consumed since.
            for (var line : linesWrittenBefore(command.requestId(), claim)) {
                if (line.heldFor(command.requestId()) > 0) {
                    taken.put(line.id(), line.heldFor(command.requestId()));
                } else if (line.hasHandled(command.requestId())) {
                    return ReservationOutcome.ALREADY_HANDLED;
                }
            }
        }
        int held = taken.values().stream().mapToInt(Integer::intValue).sum();
        if (held >= command.quantity()) {
            return ReservationOutcome.ALREADY_HANDLED;
        }
        if (held > 0) {
            return split(command, claim, taken);
        }
        return RESERVATIONS.run(() -> wholeAtOneLocation(command, claim)).orElseGet(() -> split(command, claim, taken));
    }

    /**
     * The lines earlier holders of the claim may have written to, each read by its id; a claim from
     * before lines were noted says nothing, so there the lines holding or remembering the request are searched for.
     */
    private List<Stock> linesWrittenBefore(String requestId, RequestClaims.Taken claim) {
        if (claim.lines() == null) {
            var lines = new java.util.ArrayList<>(stocks.holdingRequest(requestId));
            stocks.whereLeft(requestId).ifPresent(lines::add);
            return lines;
        }
        return claim.lines().stream()
                .map(stocks::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Steps 1 to 3 and 5 of the chain: the technician's own dealer, else the first location along the
     * chain with all the units (the nearest dealer, else a factory); else a backorder.
     *
     * @return empty when no single location has enough but several together do: split it (step 4)
     */
    private Optional<ReservationOutcome> wholeAtOneLocation(ReservePartsCommand command, RequestClaims.Taken claim) {
        // The own line first, in one guarded write: most requests end here, without reading any line.
        var now = clock.instant();
        var ownLine = Stock.idOf(command.locationId(), command.partNumber());
        var hold = stocks.holdAtOnce(
                command.locationId(),
                command.partNumber(),
                command.quantity(),
                () -> terms.atOwnDealer(
                        command.request(), command.quantity(), caseFacts.appointmentEndOf(command.assignmentId()), now),
                now);
        if (hold == Stocks.Hold.HELD) {
            metrics.heldUntilReady(Duration.ZERO);
            return Optional.of(ReservationOutcome.RESERVED);
        }
        if (hold == Stocks.Hold.LINE_DECIDES) {
            var own = stocks.find(ownLine);
            if (own.isPresent() && own.get().canSupply(command.quantity())) {
                holdAsTheLineDecides(
                        Supplier.of(own.get(), locations.describe(command.locationId()), command.locationId()),
                        command,
                        command.quantity(),
                        false);
                return Optional.of(ReservationOutcome.RESERVED);
            }
        }
        // A line found short of a single unit has none for a portion either: it is not read again.
        var chain = chain(command, hold == Stocks.Hold.TOO_FEW && command.quantity() == 1 ? Set.of(ownLine) : Set.of());
        var whole = chain.firstWithAll(command.quantity());
        if (whole.isPresent()) {
            hold(whole.get(), command, claim, command.quantity(), false);
            return Optional.of(ReservationOutcome.heldWholeFrom(whole.get().source()));
        }
        if (properties.splitAllowed() && command.quantity() > 1 && chain.available() >= command.quantity()) {
            return Optional.empty();
        }
        return Optional.of(backorder(command));
    }

    /**
     * Step 4: takes portions in chain order, each as much as its location has, until the request is
     * covered. When the locations left no longer add up to what is missing (others took units
     * meanwhile), the portions taken go back and the whole request is backordered: nobody holds units
     * for a visit that cannot happen.
     *
     * @param taken portions held already, by stock line id
     */
    private ReservationOutcome split(
            ReservePartsCommand command, RequestClaims.Taken claim, Map<String, Integer> taken) {
        int remaining = command.quantity()
                - taken.values().stream().mapToInt(Integer::intValue).sum();
        while (remaining > 0) {
            int missing = remaining;
            var portion = RESERVATIONS.run(() -> nextPortion(command, claim, taken.keySet(), missing));
            if (portion.isEmpty()) {
                abandon(command, taken.keySet());
                return backorder(command);
            }
            taken.put(portion.get().lineId(), portion.get().units());
            remaining -= portion.get().units();
        }
        log.info("parts request {} split over {}", command.requestId(), taken);
        return ReservationOutcome.SPLIT;
    }

    private record Portion(String lineId, int units) {}

    /** Holds the next portion along the chain; empty when the lines not taken yet have too few together. */
    private Optional<Portion> nextPortion(
            ReservePartsCommand command, RequestClaims.Taken claim, Set<String> taken, int missing) {
        var chain = chain(command, taken);
        if (chain.available() < missing) {
            return Optional.empty();
        }
        var next = chain.suppliers().get(0);
        int units = Math.min(next.line().available(), missing);
        hold(next, command, claim, units, true);
        return Optional.of(new Portion(next.line().id(), units));
    }

    private void abandon(ReservePartsCommand command, Set<String> lineIds) {
        for (var lineId : lineIds) {
            RESERVATIONS.run(() -> {
                var line = stocks.find(lineId).orElseThrow();
                if (line.abandonPortion(command.requestId(), clock.instant())) {
                    stocks.save(line);
                }
            });
        }
    }

    /** Step 5: the request waits in line, with its complaint's priority; raises PartsBackordered. */
    private ReservationOutcome backorder(ReservePartsCommand command) {
        var added =
                backorders.add(waitingInLine(command, caseFacts.priorityOf(command.complaintId()), clock.instant()));
        return added ? ReservationOutcome.BACKORDERED : ReservationOutcome.ALREADY_HANDLED;
    }

    /** The request's place in line at its own dealer, with its complaint's priority. */
    private static Backorder waitingInLine(ReservePartsCommand command, Priority priority, Instant at) {
        return Backorder.of(
                command.requestId(),
                command.complaintId(),
                command.assignmentId(),
                command.locationId(),
                command.partNumber(),
                command.quantity(),
                priority,
                null,
                at);
    }

    /** The part's lines with units available, in chain order for the technician's dealer, {@code except} left out. */
    private SupplyChain chain(ReservePartsCommand command, Set<String> except) {
        return SupplyChain.of(
                command.locationId(), stocks.withUnitsOf(command.partNumber(), except), locations::describe);
    }

    /**
     * Holds units at the supplier's line, noted on the claim first; throws when the units were taken
     * meanwhile, or the line changed since it was read (the caller reads and decides again).
     */
    private void hold(
            Supplier supplier, ReservePartsCommand command, RequestClaims.Taken claim, int quantity, boolean portion) {
        var line = supplier.line();
        if (claim.lines() == null || !claim.lines().contains(line.id())) {
            claims.note(command.requestId(), claim.token(), line.id());
        }
        var now = clock.instant();
        var reservation = reservationAt(supplier, command, quantity, now, portion);
        switch (stocks.holdAtOnce(line.locationId(), line.partNumber(), reservation, now)) {
            case HELD -> metrics.heldUntilReady(Duration.between(now, reservation.readyAt()));
            case TOO_FEW -> throw new OptimisticLockingFailureException("units at " + line.id() + " taken meanwhile");
            case LINE_DECIDES -> holdAsTheLineDecides(supplier, command, quantity, portion);
        }
    }

    /**
     * Holds units at the line as read, saved only if nobody wrote it since: where the guarded write
     * gave up, and the line decides (it refuses a request it held before). Throws when another write came first.
     */
    private void holdAsTheLineDecides(Supplier supplier, ReservePartsCommand command, int quantity, boolean portion) {
        var now = clock.instant();
        var reservation = reservationAt(supplier, command, quantity, now, portion);
        var line = supplier.line();
        line.events().firstDelivery(command.eventId());
        line.reserve(reservation, now);
        stocks.save(line);
        metrics.heldUntilReady(Duration.between(now, reservation.readyAt()));
    }

    private Reservation reservationAt(
            Supplier supplier, ReservePartsCommand command, int quantity, Instant now, boolean portion) {
        return terms.reservation(
                command.request(),
                supplier,
                quantity,
                caseFacts.appointmentEndOf(command.assignmentId()),
                now,
                portion);
    }
}
