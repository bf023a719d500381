package dev.aftersales.parts.stock.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationReleased;
import dev.aftersales.contracts.parts.StockLow;
import dev.aftersales.contracts.parts.TransferReceived;
import dev.aftersales.contracts.parts.TransferRequested;
import dev.aftersales.contracts.parts.TransferShipped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The units of one part at one location (a dealer's warehouse) and the reservations holding some
 * of them for visits. One document per line, so a reservation and its event are one write.
 *
 * <p>What holds after every change: {@code reserved} is the sum of the reservations, {@code
 * available = onHand - reserved}, and {@code available >= 0}. Hence a reservation only takes
 * available units, and on hand is never set below what is reserved.
 *
 * <p>Use {@link #open} for a line that was never stocked, {@link #restore} to rebuild a stored one.
 */
public final class Stock {

    /** Consumed requests remembered so a late redelivery of their request does not reserve again. */
    static final int CONSUMED_REQUESTS_KEPT = 256;

    private final String locationId;
    private final String partNumber;
    private int onHand;
    private int reorderPoint;
    private final List<Reservation> reservations;
    private final List<String> consumedRequestIds;
    /** Oldest first; their units add up to {@code onHand}. Units leave oldest first. */
    private final List<Lot> lots;

    private java.math.BigDecimal unitCost;
    private final Long version;
    private final AggregateEvents events;

    private Stock(StockState line, Long version, AggregateEvents events) {
        this.locationId = Objects.requireNonNull(line.locationId(), "locationId");
        this.partNumber = Objects.requireNonNull(line.partNumber(), "partNumber");
        this.onHand = line.onHand();
        this.reorderPoint = line.reorderPoint();
        this.reservations = new ArrayList<>(line.reservations() == null ? List.of() : line.reservations());
        this.consumedRequestIds =
                new ArrayList<>(line.consumedRequestIds() == null ? List.of() : line.consumedRequestIds());
        this.lots = new ArrayList<>(line.lots() == null ? List.of() : line.lots());
        this.unitCost = line.unitCost();
        int inLots = this.lots.stream().mapToInt(Lot::units).sum();
        if (inLots < onHand) {
            this.lots.add(0, new Lot(null, onHand - inLots));
        } else if (inLots > onHand) {
            takeFromLots(inLots - onHand);
        }
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
        if (onHand < reserved()) {
            throw new IllegalStateException(
                    id() + " holds " + reserved() + " reserved units but only " + onHand + " on hand");
        }
    }

    /** A line with nothing on hand yet. */
    public static Stock open(String locationId, String partNumber) {
        return new Stock(
                new StockState(locationId, partNumber, 0, 0, List.of(), List.of(), List.of(), null),
                null,
                new AggregateEvents());
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
                List.copyOf(reservations),
                List.copyOf(consumedRequestIds),
                List.copyOf(lots),
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
        return reservations.stream().mapToInt(Reservation::quantity).sum();
    }

    public int available() {
        return onHand - reserved();
    }

    public int reorderPoint() {
        return reorderPoint;
    }

    public List<Reservation> reservations() {
        return List.copyOf(reservations);
    }

    public List<String> consumedRequestIds() {
        return List.copyOf(consumedRequestIds);
    }

    public List<Lot> lots() {
        return List.copyOf(lots);
    }

    /** What one unit cost; null when not known. */
    public java.math.BigDecimal unitCost() {
        return unitCost;
    }

    public void setUnitCost(java.math.BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    private void addLot(int units, Instant at) {
        if (units > 0) {
            lots.add(new Lot(at, units));
        }
    }

    /** Units leave the oldest lots first. */
    private void takeFromLots(int units) {
        int left = units;
        while (left > 0 && !lots.isEmpty()) {
            var oldest = lots.get(0);
            if (oldest.units() <= left) {
                lots.remove(0);
                left -= oldest.units();
            } else {
                lots.set(0, new Lot(oldest.receivedAt(), oldest.units() - left));
                left = 0;
            }
        }
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }

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
            addLot(units - onHand, now);
        } else {
            takeFromLots(onHand - units);
        }
        this.onHand = units;
        this.reorderPoint = reorderPoint;
        if (available() < reorderPoint && (before >= pointBefore || reorderPoint != pointBefore)) {
            raiseStockLow(now);
        }
    }

    /** The first version's call, for a count without a time (tests): StockLow then carries the epoch. */
    public void setOnHand(int units, int reorderPoint) {
        setOnHand(units, reorderPoint, Instant.EPOCH);
    }

    private void raiseStockLow(Instant now) {
        events.raise(new StockLow(locationId, partNumber, available(), reorderPoint, now), partNumber);
    }

    /** StockLow is raised when available falls below the reorder point, not again while it stays below. */
    private void afterTaking(int availableBefore, Instant now) {
        if (available() < reorderPoint && availableBefore >= reorderPoint) {
            raiseStockLow(now);
        }
    }

    /** Whether the request was reserved here already, and is still held or was consumed since. */
    public boolean hasHandled(String requestId) {
        return consumedRequestIds.contains(requestId)
                || reservations.stream().anyMatch(r -> r.requestId().equals(requestId));
    }

    public boolean canSupply(int quantity) {
        return quantity > 0 && available() >= quantity;
    }

    /**
     * Holds units for a visit and raises {@link PartsReserved} (with where and when they are ready)
     * in the same change; a reservation with a transfer also raises {@link TransferRequested}.
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
        reservations.add(reservation);
        events.raise(
                new PartsReserved(
                        reservation.requestId(),
                        reservation.complaintId(),
                        reservation.assignmentId(),
                        partNumber,
                        reservation.quantity(),
                        locationId,
                        reservation.source(),
                        reservation.readyAt(),
                        now),
                reservation.complaintId());
        if (reservation.transferId() != null) {
            events.raise(
                    new TransferRequested(
                            reservation.transferId(),
                            reservation.requestId(),
                            reservation.complaintId(),
                            partNumber,
                            reservation.quantity(),
                            locationId,
                            reservation.transferTo(),
                            reservation.readyAt(),
                            now),
                    reservation.complaintId());
        }
        afterTaking(before, now);
    }

    public Optional<Reservation> reservationOf(String requestId) {
        return reservations.stream()
                .filter(r -> r.requestId().equals(requestId))
                .findFirst();
    }

    public Optional<Reservation> transfer(String transferId) {
        return reservations.stream()
                .filter(r -> transferId.equals(r.transferId()))
                .findFirst();
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
        replace(reservation, reservation.withTransfer(TransferStatus.SHIPPED, eta));
        events.raise(new TransferShipped(transferId, reservation.complaintId(), eta, now), reservation.complaintId());
        return true;
    }

    /**
     * The receiving side of a transfer: the units arrive here and stay held for the visit.
     *
     * @return false when they arrived before (nothing changed)
     */
    public boolean receive(Reservation shipped, Instant now) {
        if (hasReceived(shipped)) {
            return false;
        }
        onHand += shipped.quantity();
        addLot(shipped.quantity(), now);
        reservations.add(shipped.withTransfer(TransferStatus.RECEIVED, now));
        events.raise(new TransferReceived(shipped.transferId(), shipped.complaintId(), now), shipped.complaintId());
        return true;
    }

    /**
     * Whether the transfer arrived here before. By transfer id: a split request may hold a portion
     * of its own here besides the one travelling. A whole request's transfer ({@code TR-<requestId>})
     * also counts as arrived once its request left this line.
     */
    private boolean hasReceived(Reservation shipped) {
        return transfer(shipped.transferId()).isPresent()
                || consumedRequestIds.contains(shipped.transferId())
                || (shipped.transferId().equals("TR-" + shipped.requestId()) && hasHandled(shipped.requestId()));
    }

    /** Units held here for the request (0 when none). */
    public int heldFor(String requestId) {
        return reservations.stream()
                .filter(r -> r.requestId().equals(requestId))
                .mapToInt(Reservation::quantity)
                .sum();
    }

    /**
     * Gives back a portion of a split request that could not be completed elsewhere, raising
     * ReservationReleased ({@code SPLIT_ABANDONED}). The request is not remembered as handled here:
     * it is backordered whole and may later be served from this line.
     *
     * @return false when nothing was held here for the request
     */
    public boolean abandonPortion(String requestId, Instant now) {
        var before = reservations.size();
        release(
                r -> r.requestId().equals(requestId) && r.transferStatus() != TransferStatus.SHIPPED,
                "SPLIT_ABANDONED",
                now);
        consumedRequestIds.remove(requestId);
        return reservations.size() < before;
    }

    /**
     * The sending side of a received transfer: the units left this location for good.
     *
     * @return false when they were handed over before
     */
    public boolean handOver(String transferId) {
        var reservation = transfer(transferId);
        if (reservation.isEmpty()) {
            return false;
        }
        reservations.remove(reservation.get());
        onHand -= reservation.get().quantity();
        takeFromLots(reservation.get().quantity());
        remember(reservation.get());
        return true;
    }

    /** Moves the expiry of an assignment's reservations (the appointment was set or moved). */
    public boolean expireAt(String assignmentId, Instant expiresAt) {
        boolean changed = false;
        for (var reservation : List.copyOf(reservations)) {
            if (reservation.assignmentId().equals(assignmentId) && !expiresAt.equals(reservation.expiresAt())) {
                replace(reservation, reservation.withExpiry(expiresAt));
                changed = true;
            }
        }
        return changed;
    }

    /** The earliest time a held reservation expires; null when none does. */
    public Instant nextExpiry() {
        return reservations.stream()
                .filter(r -> r.expiresAt() != null && !r.inTransit())
                .map(Reservation::expiresAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Releases the reservations not consumed in time, each raising ReservationReleased (EXPIRED). */
    public List<Reservation> releaseExpired(Instant now) {
        return release(r -> r.dueBy(now), "EXPIRED", now);
    }

    /** Releases what is held for the complaint (its visit was cancelled or the case closed). */
    public List<Reservation> releaseComplaint(String complaintId, String reason, Instant now) {
        return release(r -> r.complaintId().equals(complaintId) && !r.inTransit(), reason, now);
    }

    private List<Reservation> release(Predicate<Reservation> which, String reason, Instant now) {
        var released = new ArrayList<Reservation>();
        for (var it = reservations.iterator(); it.hasNext(); ) {
            var reservation = it.next();
            if (which.test(reservation)) {
                it.remove();
                released.add(reservation);
                remember(reservation);
                events.raise(
                        new ReservationReleased(
                                reservation.requestId(),
                                reservation.complaintId(),
                                reservation.assignmentId(),
                                partNumber,
                                reservation.quantity(),
                                locationId,
                                reason,
                                now),
                        reservation.complaintId());
            }
        }
        return released;
    }

    private void replace(Reservation old, Reservation updated) {
        reservations.set(reservations.indexOf(old), updated);
    }

    public boolean holdsReservationsOf(String assignmentId) {
        return reservations.stream().anyMatch(r -> r.assignmentId().equals(assignmentId));
    }

    /**
     * The visit used what was held for it: its reservations leave, and so do their units.
     *
     * @return the units consumed; 0 when nothing was held for the assignment
     */
    public int consumeReservationsOf(String assignmentId) {
        int units = 0;
        for (var it = reservations.iterator(); it.hasNext(); ) {
            var reservation = it.next();
            if (reservation.assignmentId().equals(assignmentId)) {
                it.remove();
                units += reservation.quantity();
                remember(reservation);
            }
        }
        onHand -= units;
        takeFromLots(units);
        return units;
    }

    /** A request that left this line (consumed, released, handed over) must not be reserved here again. */
    private void remember(Reservation reservation) {
        remember(reservation.requestId());
        if (reservation.transferId() != null && !reservation.transferId().equals("TR-" + reservation.requestId())) {
            remember(reservation.transferId());
        }
    }

    private void remember(String requestId) {
        consumedRequestIds.add(requestId);
        while (consumedRequestIds.size() > CONSUMED_REQUESTS_KEPT) {
            consumedRequestIds.remove(0);
        }
    }
}
