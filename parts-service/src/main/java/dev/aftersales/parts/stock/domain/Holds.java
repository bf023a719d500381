package dev.aftersales.parts.stock.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a stock line holds for visits: its reservations, and the requests that left it (consumed,
 * released, handed over to the receiver of a transfer). A request is held at a line at most once,
 * and one that left is never held there again, so a late redelivery of its request changes nothing.
 */
final class Holds {

    /** Requests that left, remembered so a late redelivery of their request does not hold them again. */
    static final int LEFT_REQUESTS_KEPT = 256;

    private final List<Reservation> held;
    private final List<String> left;

    Holds(List<Reservation> held, List<String> left) {
        this.held = new ArrayList<>(held == null ? List.of() : held);
        this.left = new ArrayList<>(left == null ? List.of() : left);
    }

    List<Reservation> reservations() {
        return List.copyOf(held);
    }

    List<String> leftRequestIds() {
        return List.copyOf(left);
    }

    int units() {
        return held.stream().mapToInt(Reservation::quantity).sum();
    }

    /** Whether the request (or the transfer, by its id) left this line. */
    boolean left(String requestOrTransferId) {
        return left.contains(requestOrTransferId);
    }

    /** Whether the request is held here, or was and left. */
    boolean handled(String requestId) {
        return left(requestId) || held.stream().anyMatch(r -> r.requestId().equals(requestId));
    }

    Optional<Reservation> of(String requestId) {
        return held.stream().filter(r -> r.requestId().equals(requestId)).findFirst();
    }

    Optional<Reservation> transfer(String transferId) {
        return held.stream().filter(r -> transferId.equals(r.transferId())).findFirst();
    }

    int unitsFor(String requestId) {
        return held.stream()
                .filter(r -> r.requestId().equals(requestId))
                .mapToInt(Reservation::quantity)
                .sum();
    }

    List<Reservation> ofAssignment(String assignmentId) {
        return held.stream().filter(r -> r.isFor(assignmentId)).toList();
    }

    /** The earliest time a reservation expires; units on a lorry do not expire. Null when none does. */
    Instant nextExpiry() {
        return held.stream()
                .filter(r -> r.expiresAt() != null && !r.inTransit())
                .map(Reservation::expiresAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    void add(Reservation reservation) {
        held.add(reservation);
    }

    void replace(Reservation old, Reservation updated) {
        held.set(held.indexOf(old), updated);
    }

    /** Takes the matching reservations out, remembering their requests as left. */
    List<Reservation> takeOut(Predicate<Reservation> which) {
        var taken = new ArrayList<Reservation>();
        for (var it = held.iterator(); it.hasNext(); ) {
            var reservation = it.next();
            if (which.test(reservation)) {
                it.remove();
                taken.add(reservation);
                remember(reservation);
            }
        }
        return taken;
    }

    /** The request may be held here again (a split's portion given back: the request is backordered whole). */
    void forget(String requestId) {
        left.remove(requestId);
    }

    /**
     * A request that left must not be held here again; nor a split portion's transfer, whose id is
     * not derived from its request alone.
     */
    private void remember(Reservation reservation) {
        remember(reservation.requestId());
        if (reservation.transferId() != null && !reservation.travelsAsWholeRequest()) {
            remember(reservation.transferId());
        }
    }

    private void remember(String id) {
        left.add(id);
        while (left.size() > LEFT_REQUESTS_KEPT) {
            left.remove(0);
        }
    }
}
