package dev.aftersales.parts.stock.domain;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    private final Long version;
    private final Outbox outbox;

    private Stock(
            String locationId,
            String partNumber,
            int onHand,
            int reorderPoint,
            List<Reservation> reservations,
            List<String> consumedRequestIds,
            Long version,
            Outbox outbox) {
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.partNumber = Objects.requireNonNull(partNumber, "partNumber");
        this.onHand = onHand;
        this.reorderPoint = reorderPoint;
        this.reservations = new ArrayList<>(reservations);
        this.consumedRequestIds = new ArrayList<>(consumedRequestIds);
        this.version = version;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        if (onHand < reserved()) {
            throw new IllegalStateException(
                    id() + " holds " + reserved() + " reserved units but only " + onHand + " on hand");
        }
    }

    /** A line with nothing on hand yet. */
    public static Stock open(String locationId, String partNumber) {
        return new Stock(locationId, partNumber, 0, 0, List.of(), List.of(), null, new Outbox());
    }

    /** A stored line as it was read, {@code version} included so that its save can detect a concurrent write. */
    public static Stock restore(
            String locationId,
            String partNumber,
            int onHand,
            int reorderPoint,
            List<Reservation> reservations,
            List<String> consumedRequestIds,
            Long version,
            Outbox outbox) {
        return new Stock(
                locationId,
                partNumber,
                onHand,
                reorderPoint,
                reservations == null ? List.of() : reservations,
                consumedRequestIds == null ? List.of() : consumedRequestIds,
                version,
                outbox == null ? new Outbox() : outbox);
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

    public Long version() {
        return version;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Whether a count of {@code units} may be set: never below what is reserved. */
    public boolean acceptsOnHand(int units) {
        return units >= reserved();
    }

    /** Sets the counted units on hand (a restock or a stock-take) and the reorder point. */
    public void setOnHand(int units, int reorderPoint) {
        if (!acceptsOnHand(units)) {
            throw new IllegalArgumentException(
                    id() + " cannot go to " + units + " on hand: " + reserved() + " units are reserved");
        }
        if (reorderPoint < 0) {
            throw new IllegalArgumentException("reorder point cannot be negative");
        }
        this.onHand = units;
        this.reorderPoint = reorderPoint;
    }

    /** Whether the request was reserved here already, and is still held or was consumed since. */
    public boolean hasHandled(String requestId) {
        return consumedRequestIds.contains(requestId)
                || reservations.stream().anyMatch(r -> r.requestId().equals(requestId));
    }

    public boolean canSupply(int quantity) {
        return quantity > 0 && available() >= quantity;
    }

    /** Holds units for a visit and raises {@link PartsReserved}, ready at once, in the same change. */
    public void reserve(Reservation reservation, Instant now) {
        if (hasHandled(reservation.requestId())) {
            throw new IllegalStateException("request " + reservation.requestId() + " was reserved before");
        }
        if (!canSupply(reservation.quantity())) {
            throw new IllegalStateException(
                    "only " + available() + " available at " + id() + ", " + reservation.quantity() + " requested");
        }
        reservations.add(reservation);
        outbox.raise(
                new PartsReserved(
                        reservation.requestId(),
                        reservation.complaintId(),
                        reservation.assignmentId(),
                        partNumber,
                        reservation.quantity(),
                        locationId,
                        ReservationSource.OWN_DEALER,
                        now,
                        now),
                reservation.complaintId());
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
                consumedRequestIds.add(reservation.requestId());
            }
        }
        while (consumedRequestIds.size() > CONSUMED_REQUESTS_KEPT) {
            consumedRequestIds.remove(0);
        }
        onHand -= units;
        return units;
    }
}
