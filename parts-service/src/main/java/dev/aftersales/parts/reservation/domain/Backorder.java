package dev.aftersales.parts.reservation.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.ReplacementBackordered;
import dev.aftersales.parts.stock.domain.Reservation;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * A parts request no location could supply when it arrived, or the goods of a resolution action
 * (a replacement, a gift: {@code actionId} set, no assignment). It waits in line for stock (its
 * case's priority first, then age); its id is the request id, so one request is backordered at most
 * once and is never reserved later by a redelivery of the same request.
 *
 * <p>Serving it takes two writes (the stock line's reservation, then this document), so it is first
 * claimed for the location that will serve it: a second restock elsewhere cannot serve it twice,
 * and a serve interrupted after the claim is finished by the next serve at the same location.
 */
public final class Backorder {

    /** Urgent first, then high, then normal; within a priority the oldest first. */
    public static final Comparator<Backorder> IN_LINE = inLine(Backorder::priority);

    /** The line by the priority {@code priorityOf} gives each backorder's case, then age. */
    public static Comparator<Backorder> inLine(Function<Backorder, Priority> priorityOf) {
        return Comparator.comparingInt((Backorder b) -> -priorityOf.apply(b).ordinal())
                .thenComparing(Backorder::backorderedAt)
                .thenComparing(Backorder::requestId);
    }

    public enum Status {
        WAITING,
        /** Claimed by a location that is reserving its units. */
        SERVING,
        SERVED,
        /** Its visit was withdrawn before stock came: nobody waits for the parts any more. */
        WITHDRAWN;

        /** Waiting for stock, or being served: in line. */
        public boolean open() {
            return this == WAITING || this == SERVING;
        }
    }

    private final String requestId;
    private final String complaintId;
    private final String assignmentId;
    private final String actionId;
    private final String locationId;
    private final String partNumber;
    private final int quantity;
    private final Instant backorderedAt;
    private Priority priority;
    private Status status;
    private String servingLocationId;
    private final Long version;
    private final AggregateEvents events;

    private Backorder(String requestId, BackorderState state, Long version, AggregateEvents events) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.complaintId = Objects.requireNonNull(state.complaintId(), "complaintId");
        this.actionId = state.actionId();
        this.assignmentId =
                actionId != null ? state.assignmentId() : Objects.requireNonNull(state.assignmentId(), "assignmentId");
        this.locationId = Objects.requireNonNull(state.locationId(), "locationId");
        this.partNumber = Objects.requireNonNull(state.partNumber(), "partNumber");
        this.quantity = state.quantity();
        this.backorderedAt = Objects.requireNonNull(state.backorderedAt(), "backorderedAt");
        this.priority = state.priority() == null ? Priority.NORMAL : state.priority();
        this.status = state.status() == null ? Status.WAITING : state.status();
        this.servingLocationId = state.servingLocationId();
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    /** A new backorder, raising {@link PartsBackordered} with it; {@code expectedAt} may be null (no ETA known). */
    public static Backorder of(
            String requestId,
            String complaintId,
            String assignmentId,
            String locationId,
            String partNumber,
            int quantity,
            Priority priority,
            Instant expectedAt,
            Instant now) {
        var backorder = new Backorder(
                requestId,
                new BackorderState(
                        complaintId,
                        assignmentId,
                        locationId,
                        partNumber,
                        quantity,
                        now,
                        priority,
                        Status.WAITING,
                        null),
                null,
                new AggregateEvents());
        backorder.events.raise(
                new PartsBackordered(requestId, complaintId, assignmentId, partNumber, quantity, expectedAt, now),
                complaintId);
        return backorder;
    }

    /**
     * Goods an agreed resolution promised, in stock nowhere along the chain from the selling dealer:
     * they wait in line like parts (priority, then age), raising {@link ReplacementBackordered}.
     */
    public static Backorder ofGoods(
            String complaintId,
            String actionId,
            String sellingDealerId,
            String itemNumber,
            int quantity,
            Priority priority,
            Instant now) {
        var requestId = Reservation.goodsRequestIdOf(complaintId, actionId);
        var backorder = new Backorder(
                requestId,
                new BackorderState(
                        complaintId,
                        null,
                        sellingDealerId,
                        itemNumber,
                        quantity,
                        now,
                        priority,
                        Status.WAITING,
                        null,
                        actionId),
                null,
                new AggregateEvents());
        backorder.events.raise(
                new ReplacementBackordered(complaintId, actionId, itemNumber, quantity, now), complaintId);
        return backorder;
    }

    public static Backorder of(
            String requestId,
            String complaintId,
            String assignmentId,
            String locationId,
            String partNumber,
            int quantity,
            Instant now) {
        return of(requestId, complaintId, assignmentId, locationId, partNumber, quantity, Priority.NORMAL, null, now);
    }

    /** A backorder as stored, with the store's version and its events; raises nothing. */
    public static Backorder restore(String requestId, BackorderState state, Long version, AggregateEvents events) {
        return new Backorder(requestId, state, version, events);
    }

    /** The backorder's state as of now, for the store; the request id, version and events are read beside it. */
    public BackorderState snapshot() {
        return new BackorderState(
                complaintId,
                assignmentId,
                locationId,
                partNumber,
                quantity,
                backorderedAt,
                priority,
                status,
                servingLocationId,
                actionId);
    }

    /** Whether a serve at {@code location} may take it: waiting, or left half-served by that same location. */
    public boolean claimableBy(String location) {
        return status == Status.WAITING || (status == Status.SERVING && location.equals(servingLocationId));
    }

    public void claim(String location) {
        if (!claimableBy(location)) {
            throw new IllegalStateException("backorder " + requestId + " is " + status);
        }
        status = Status.SERVING;
        servingLocationId = location;
    }

    /** The location could not supply it after all: back in line, keeping its place (age). */
    public void unclaim() {
        status = Status.WAITING;
        servingLocationId = null;
    }

    public void served() {
        status = Status.SERVED;
    }

    /**
     * Its visit was withdrawn: it leaves the line. Only while waiting: one being served is reserved
     * by its claimant, and that reservation expires like any other held without a visit.
     *
     * @return false when it was not waiting (nothing changed)
     */
    public boolean withdraw() {
        if (status != Status.WAITING) {
            return false;
        }
        status = Status.WITHDRAWN;
        return true;
    }

    /**
     * Its case's priority changed while it waits: it moves in line, keeping its age.
     *
     * @return false when it is no longer open or has that priority already (nothing changed)
     */
    public boolean reprioritise(Priority newPriority) {
        if (!status.open() || newPriority == null || newPriority == priority) {
            return false;
        }
        priority = newPriority;
        return true;
    }

    /** The request that waits, as it was made. */
    public PartsRequest request() {
        return new PartsRequest(requestId, complaintId, assignmentId, locationId, partNumber, quantity);
    }

    public String requestId() {
        return requestId;
    }

    public String complaintId() {
        return complaintId;
    }

    /** The visit's assignment; null for goods of a resolution action. */
    public String assignmentId() {
        return assignmentId;
    }

    /** The resolution action whose goods wait; null for a visit's parts. */
    public String actionId() {
        return actionId;
    }

    public boolean isGoods() {
        return actionId != null;
    }

    /** The technician's dealer, where the parts are needed. */
    public String locationId() {
        return locationId;
    }

    public String partNumber() {
        return partNumber;
    }

    public int quantity() {
        return quantity;
    }

    public Instant backorderedAt() {
        return backorderedAt;
    }

    public Priority priority() {
        return priority;
    }

    public Status status() {
        return status;
    }

    public String servingLocationId() {
        return servingLocationId;
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
