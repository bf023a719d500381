package dev.aftersales.parts.stock.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.parts.ReplacementShipped;
import dev.aftersales.contracts.parts.StockLow;
import dev.aftersales.contracts.parts.StockReplenished;
import dev.aftersales.contracts.parts.TransferReceived;
import dev.aftersales.contracts.parts.TransferShipped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A stock line: the units of one part at one location (a dealer's warehouse, the factory) and what
 * of them is held for visits. One document per line, so that a reservation, the units it takes and
 * the events it raises are one write: the line is what never oversells.
 *
 * <p>What holds after every change: {@code reserved} is the sum of the reservations, {@code
 * available = onHand - reserved}, and {@code available >= 0}. Hence a reservation only takes
 * available units, and on hand is never set below what is reserved.
 *
 * <p>Each change raises, in the same write, what it means to others: PartsReserved (and
 * TransferRequested) when units are held, ReservationReleased when they go back, TransferShipped and
 * TransferReceived for the steps of a transfer, StockLow when available falls below the reorder
 * point, and StockReplenished when available grows, so that waiting backorders are served.
 *
 * <p>Which location and terms a request is held at is the reservation chain's decision; the line
 * only holds, releases and hands over. Its lots ({@link Lots}) and holds ({@link Holds}) keep the
 * bookkeeping; use {@link #open} for a line that was never stocked, {@link #restore} for a stored one.
 */
public final class Stock {

    private final String locationId;
    private final String partNumber;
    private int onHand;
    private int reorderPoint;
    private BigDecimal unitCost;
    private final Lots lots;
    private final Holds holds;
    private final Long version;
    private final AggregateEvents events;

    private Stock(StockState line, Long version, AggregateEvents events) {
        this.locationId = Objects.requireNonNull(line.locationId(), "locationId");
        this.partNumber = Objects.requireNonNull(line.partNumber(), "partNumber");
        this.onHand = line.onHand();
        this.reorderPoint = line.reorderPoint();
        this.unitCost = line.unitCost();
        this.lots = new Lots(line.lots(), onHand);
        this.holds = new Holds(line.reservations(), line.consumedRequestIds());
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
        if (onHand < reserved()) {
            throw new IllegalStateException(
                    id() + " holds " + reserved() + " reserved units but only " + onHand + " on hand");
        }
    }

    /** A line with nothing on hand yet. */
    public static Stock open(String locationId, String partNumber) {
        return new Stock(StockState.empty(locationId, partNumber), null, new AggregateEvents());
    }

    /** A stored line as it was read, {@code version} included so that its save can detect a concurrent write. */
    public static Stock restore(StockState line, Long version, AggregateEvents events) {
        return new Stock(line, version, events);
    }

    /** The line's state as of now, for the store; the version and events are read beside it. */
    public StockState snapshot() {
        return new StockState(
                locationId,
                partNumber,
                onHand,
                reorderPoint,
                holds.reservations(),
                holds.leftRequestIds(),
                lots.list(),
                unitCost);
    }

    public static String idOf(String locationId, String partNumber) {
        return locationId + "|" + partNumber;
    }

    public String id() {
        return idOf(locationId, partNumber);
    }

    public String locationId() {
        return locationId;
    }

    public String partNumber() {
        return partNumber;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return holds.units();
    }

    public int available() {
        return onHand - reserved();
    }

    public int reorderPoint() {
        return reorderPoint;
    }

    public List<Reservation> reservations() {
        return holds.reservations();
    }

    /** Requests that left this line (consumed, released, handed over); they are not held here again. */
    public List<String> consumedRequestIds() {
        return holds.leftRequestIds();
    }

    /** Oldest first; their units add up to {@code onHand}. */
    public List<Lot> lots() {
        return lots.list();
    }

    /** What one unit cost; null when not known. */
    public BigDecimal unitCost() {
        return unitCost;
    }

    public void setUnitCost(BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }

    // Counting: a restock or a stock-take sets what is on hand.

    /** Whether a count of {@code units} may be set: never below what is reserved. */
    public boolean acceptsOnHand(int units) {
        return units >= reserved();
    }

    /** Sets the counted units on hand (a restock or a stock-take) and the reorder point. */
    public void setOnHand(int units, int reorderPoint, Instant now) {
        if (!acceptsOnHand(units)) {
            throw new IllegalArgumentException(
                    id() + " cannot go to " + units + " on hand: " + reserved() + " units are reserved");
        }
        if (reorderPoint < 0) {
            throw new IllegalArgumentException("reorder point cannot be negative");
        }
        int before = available();
        int pointBefore = this.reorderPoint;
        if (units > onHand) {
            lots.arrived(units - onHand, now);
        } else {
            lots.take(onHand - units);
        }
        this.onHand = units;
        this.reorderPoint = reorderPoint;
        replenished(before, now);
        // A new reorder point is news even when available did not move.
        if (available() < reorderPoint && (before >= pointBefore || reorderPoint != pointBefore)) {
            raiseStockLow(now);
        }
    }

    /** As {@link #setOnHand(int, int, Instant)}, counted by {@code countedBy}: the count is audited in the same write. */
    public void setOnHand(int units, int reorderPoint, Instant now, String countedBy) {
        int onHandBefore = onHand;
        setOnHand(units, reorderPoint, now);
        events.audit(
                "stock.counted",
                countedBy,
                id(),
                java.util.Map.of(
                        "onHandBefore", String.valueOf(onHandBefore),
                        "onHand", String.valueOf(units),
                        "reorderPoint", String.valueOf(reorderPoint)),
                now);
    }

    /** The first version's call, for a count without a time (tests): its events carry the epoch. */
    public void setOnHand(int units, int reorderPoint) {
        setOnHand(units, reorderPoint, Instant.EPOCH);
    }

    // Holding units for visits.

    /** Whether the request is held here, or was and left since (consumed, released, handed over). */
    public boolean hasHandled(String requestId) {
        return holds.handled(requestId);
    }

    public boolean canSupply(int quantity) {
        return quantity > 0 && available() >= quantity;
    }

    /**
     * Holds units for a visit and raises PartsReserved (with where and when they are ready) in the
     * same change; a reservation with a transfer also raises TransferRequested.
     */
    public void reserve(Reservation reservation, Instant now) {
        if (hasHandled(reservation.requestId())) {
            throw new IllegalStateException("request " + reservation.requestId() + " was reserved before");
        }
        if (!canSupply(reservation.quantity())) {
            throw new IllegalStateException(
                    "only " + available() + " available at " + id() + ", " + reservation.quantity() + " requested");
        }
        int before = available();
        holds.add(reservation);
        raiseReserved(events, locationId, partNumber, reservation, now);
        // StockLow once per crossing: when available falls below the reorder point, not again while below.
        if (available() < reorderPoint && before >= reorderPoint) {
            raiseStockLow(now);
        }
    }

    /**
     * What {@link #reserve} raises for a reservation at a line that had {@code availableBefore} units
     * available and the reorder point {@code reorderPoint}: for a hold written as one update guarded
     * by those numbers, without reading the line's reservations ({@link Stocks#holdAtOnce}).
     */
    public static AggregateEvents reserving(
            String locationId,
            String partNumber,
            Reservation reservation,
            int availableBefore,
            int reorderPoint,
            Instant now) {
        var raised = new AggregateEvents();
        raiseReserved(raised, locationId, partNumber, reservation, now);
        int after = availableBefore - reservation.quantity();
        if (after < reorderPoint && availableBefore >= reorderPoint) {
            raised.raise(new StockLow(locationId, partNumber, after, reorderPoint, now), partNumber);
        }
        return raised;
    }

    /**
     * As {@link #reserving}, for several reservations held in this order in one write: StockLow once,
     * right after the reservation that takes available below the reorder point.
     */
    public static AggregateEvents reservingAll(
            String locationId,
            String partNumber,
            List<Reservation> reservations,
            int availableBefore,
            int reorderPoint,
            Instant now) {
        var raised = new AggregateEvents();
        int available = availableBefore;
        for (var reservation : reservations) {
            raiseReserved(raised, locationId, partNumber, reservation, now);
            int after = available - reservation.quantity();
            if (after < reorderPoint && available >= reorderPoint) {
                raised.raise(new StockLow(locationId, partNumber, after, reorderPoint, now), partNumber);
            }
            available = after;
        }
        return raised;
    }

    private static void raiseReserved(
            AggregateEvents events, String locationId, String partNumber, Reservation reservation, Instant now) {
        events.raise(reservation.reserved(partNumber, locationId, now), reservation.complaintId());
        if (reservation.transferId() != null) {
            events.raise(reservation.transferRequested(partNumber, locationId, now), reservation.complaintId());
        }
    }

    public Optional<Reservation> reservationOf(String requestId) {
        return holds.of(requestId);
    }

    /** Units held here for the request (0 when none). */
    public int heldFor(String requestId) {
        return holds.unitsFor(requestId);
    }

    public boolean holdsReservationsOf(String assignmentId) {
        return !holds.ofAssignment(assignmentId).isEmpty();
    }

    /** Moves the expiry of an assignment's reservations (the appointment was set or moved). */
    public boolean expireAt(String assignmentId, Instant expiresAt) {
        boolean changed = false;
        for (var reservation : holds.ofAssignment(assignmentId)) {
            if (!expiresAt.equals(reservation.expiresAt())) {
                holds.replace(reservation, reservation.withExpiry(expiresAt));
                changed = true;
            }
        }
        return changed;
    }

    /** The earliest time a held reservation expires; null when none does. */
    public Instant nextExpiry() {
        return holds.nextExpiry();
    }

    /**
     * The visit used what was held for it: its reservations leave, and so do their units.
     *
     * @return the units consumed; 0 when nothing was held for the assignment
     */
    public int consumeReservationsOf(String assignmentId) {
        int units = holds.takeOut(r -> r.isFor(assignmentId)).stream()
                .mapToInt(Reservation::quantity)
                .sum();
        onHand -= units;
        lots.take(units);
        return units;
    }

    /** Releases the reservations not consumed in time, each raising ReservationReleased (EXPIRED). */
    public List<Reservation> releaseExpired(Instant now) {
        return release(r -> r.dueBy(now), "EXPIRED", now);
    }

    /**
     * Releases what is held for the complaint's visits (its visit was cancelled or the case closed).
     * Goods promised by its resolution stay: they are the resolution's, shipped or not by their dealer.
     */
    public List<Reservation> releaseComplaint(String complaintId, String reason, Instant now) {
        return release(r -> r.complaintId().equals(complaintId) && !r.inTransit() && !r.isGoods(), reason, now);
    }

    /**
     * Releases what is held for the assignment (it was withdrawn); units on a lorry are released
     * where they arrive, as for a cancelled complaint.
     */
    public List<Reservation> releaseAssignment(String assignmentId, String reason, Instant now) {
        return release(r -> r.isFor(assignmentId) && !r.inTransit(), reason, now);
    }

    /**
     * Gives back a portion of a split request that could not be completed elsewhere, raising
     * ReservationReleased ({@code SPLIT_ABANDONED}). The request is not remembered as handled here:
     * it is backordered whole and may later be served from this line.
     *
     * @return false when nothing was held here for the request
     */
    public boolean abandonPortion(String requestId, Instant now) {
        var released = release(
                r -> r.requestId().equals(requestId) && r.transferStatus() != TransferStatus.SHIPPED,
                "SPLIT_ABANDONED",
                now);
        holds.forget(requestId);
        return !released.isEmpty();
    }

    private List<Reservation> release(Predicate<Reservation> which, String reason, Instant now) {
        int before = available();
        var released = holds.takeOut(which);
        for (var reservation : released) {
            events.raise(reservation.released(partNumber, locationId, reason, now), reservation.complaintId());
        }
        replenished(before, now);
        return released;
    }

    // Goods of a resolution action leave for the customer.

    /**
     * The shipping dealer confirmed the goods left for the customer: they leave the line with their
     * units, raising ReplacementShipped in the same change.
     *
     * @return false when nothing is held here for the request (shipped before, or never held here)
     */
    public boolean shipGoods(String requestId, String waybill, String shippedBy, Instant now) {
        var goods = holds.takeOut(r -> r.requestId().equals(requestId) && r.isGoods());
        if (goods.isEmpty()) {
            return false;
        }
        int units = goods.stream().mapToInt(Reservation::quantity).sum();
        onHand -= units;
        lots.take(units);
        var shipped = goods.get(0);
        events.raise(
                new ReplacementShipped(shipped.complaintId(), shipped.actionId(), locationId, waybill, shippedBy, now),
                shipped.complaintId());
        return true;
    }

    // The steps of a transfer between dealers, each confirmed by the dealer who does it.

    public Optional<Reservation> transfer(String transferId) {
        return holds.transfer(transferId);
    }

    /**
     * The sending dealer confirmed the units left.
     *
     * @return false when they were shipped before (nothing changed)
     */
    public boolean ship(String transferId, Instant eta, Instant now) {
        var reservation = transfer(transferId)
                .orElseThrow(() -> new IllegalStateException("no transfer " + transferId + " at " + id()));
        if (reservation.transferStatus() != TransferStatus.REQUESTED) {
            return false;
        }
        holds.replace(reservation, reservation.withTransfer(TransferStatus.SHIPPED, eta));
        events.raise(new TransferShipped(transferId, reservation.complaintId(), eta, now), reservation.complaintId());
        return true;
    }

    /**
     * The receiving side of a transfer: the units arrive here and stay held for the visit (so what
     * is available does not change).
     *
     * @return false when they arrived before (nothing changed)
     */
    public boolean receive(Reservation shipped, Instant now) {
        if (hasReceived(shipped)) {
            return false;
        }
        onHand += shipped.quantity();
        lots.arrived(shipped.quantity(), now);
        holds.add(shipped.withTransfer(TransferStatus.RECEIVED, now));
        events.raise(new TransferReceived(shipped.transferId(), shipped.complaintId(), now), shipped.complaintId());
        return true;
    }

    /**
     * Whether the transfer arrived here before. By transfer id: a split request may hold a portion
     * of its own here besides the one travelling. A whole request's transfer also counts as arrived
     * once its request left this line.
     */
    private boolean hasReceived(Reservation shipped) {
        return transfer(shipped.transferId()).isPresent()
                || holds.left(shipped.transferId())
                || (shipped.travelsAsWholeRequest() && hasHandled(shipped.requestId()));
    }

    /**
     * The sending side of a received transfer: the units left this location for good.
     *
     * @return false when they were handed over before
     */
    public boolean handOver(String transferId) {
        int units = holds.takeOut(r -> transferId.equals(r.transferId())).stream()
                .mapToInt(Reservation::quantity)
                .sum();
        onHand -= units;
        lots.take(units);
        return units > 0;
    }

    private void replenished(int availableBefore, Instant now) {
        if (available() > availableBefore) {
            events.raise(
                    new StockReplenished(locationId, partNumber, available() - availableBefore, available(), now),
                    partNumber);
        }
    }

    private void raiseStockLow(Instant now) {
        events.raise(new StockLow(locationId, partNumber, available(), reorderPoint, now), partNumber);
    }
}
