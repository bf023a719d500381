package dev.aftersales.parts.stock.domain;

import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReplacementReserved;
import dev.aftersales.contracts.parts.ReservationReleased;
import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.contracts.parts.TransferRequested;
import java.time.Instant;
import java.util.Objects;

/**
 * Units of a stock line held for one parts request of a visit, until the visit consumes them, they
 * are released, or they expire.
 *
 * @param requestId the technician's parts request; one reservation per request, ever
 * @param source where the units come from, seen from the technician's dealer
 * @param readyAt when the units are ready for the technician (now, after a transfer, or the factory's lead time)
 * @param expiresAt when the units go back to stock if not consumed; null never
 * @param transferId set while the units travel to the technician's dealer ({@code TR-<requestId>})
 * @param transferTo the technician's dealer the transfer goes to
 * @param transferFrom the location the transfer comes from (kept on the receiver's copy too, so both
 *     parties stay known after receipt); null on reservations made before it was recorded
 * @param transferStatus REQUESTED, SHIPPED or RECEIVED; null without a transfer
 * @param actionId set when the units are goods an agreed resolution promised the customer (a
 *     replacement, a gift): held for the action, not for a visit, so {@code assignmentId} is null
 * @param shippingDealerId for goods: the dealer who ships them to the customer and confirms it
 */
public record Reservation(
        String requestId,
        String complaintId,
        String assignmentId,
        int quantity,
        Instant reservedAt,
        ReservationSource source,
        Instant readyAt,
        Instant expiresAt,
        String transferId,
        String transferTo,
        String transferFrom,
        TransferStatus transferStatus,
        String actionId,
        String shippingDealerId) {

    public Reservation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(complaintId, "complaintId");
        if (actionId == null) {
            Objects.requireNonNull(assignmentId, "assignmentId");
        } else {
            Objects.requireNonNull(shippingDealerId, "shippingDealerId");
        }
        Objects.requireNonNull(reservedAt, "reservedAt");
        if (quantity <= 0) {
            throw new IllegalArgumentException("a reservation holds at least one unit, not " + quantity);
        }
        source = source == null ? ReservationSource.OWN_DEALER : source;
        readyAt = readyAt == null ? reservedAt : readyAt;
    }

    /** Units held for a visit, as every reservation was before goods were held for resolutions. */
    public Reservation(
            String requestId,
            String complaintId,
            String assignmentId,
            int quantity,
            Instant reservedAt,
            ReservationSource source,
            Instant readyAt,
            Instant expiresAt,
            String transferId,
            String transferTo,
            String transferFrom,
            TransferStatus transferStatus) {
        this(
                requestId,
                complaintId,
                assignmentId,
                quantity,
                reservedAt,
                source,
                readyAt,
                expiresAt,
                transferId,
                transferTo,
                transferFrom,
                transferStatus,
                null,
                null);
    }

    /**
     * Goods an agreed resolution promised (a replacement, a gift), held where they are until the
     * shipping dealer confirms they left for the customer; never expiring, never transferred.
     */
    public static Reservation goods(
            String complaintId,
            String actionId,
            int quantity,
            Instant reservedAt,
            ReservationSource source,
            Instant readyAt,
            String shippingDealerId) {
        return new Reservation(
                goodsRequestIdOf(complaintId, actionId),
                complaintId,
                null,
                quantity,
                reservedAt,
                source,
                readyAt,
                null,
                null,
                null,
                null,
                null,
                actionId,
                shippingDealerId);
    }

    /** The request id goods of a resolution action are held under: {@code GOODS-<complaintId>-<actionId>}. */
    public static String goodsRequestIdOf(String complaintId, String actionId) {
        return "GOODS-" + complaintId + "-" + actionId;
    }

    /** Whether these are goods for a resolution action rather than parts for a visit. */
    public boolean isGoods() {
        return actionId != null;
    }

    /** Whether held for the assignment's visit. */
    public boolean isFor(String assignmentId) {
        return assignmentId.equals(this.assignmentId);
    }

    /** Units at the technician's own dealer, ready at once, never expiring (the first version's reservation). */
    public Reservation(String requestId, String complaintId, String assignmentId, int quantity, Instant reservedAt) {
        this(
                requestId,
                complaintId,
                assignmentId,
                quantity,
                reservedAt,
                ReservationSource.OWN_DEALER,
                reservedAt,
                null,
                null,
                null,
                null,
                null);
    }

    /** The transfer id of a request moved whole from one dealer: {@code TR-<requestId>}. */
    public static String transferIdOf(String requestId) {
        return "TR-" + requestId;
    }

    /**
     * The transfer id of one dealer's portion of a split request, {@code TR-<requestId>-<fromLocationId>}:
     * several dealers may send portions of one request.
     */
    public static String portionTransferIdOf(String requestId, String fromLocationId) {
        return transferIdOf(requestId) + "-" + fromLocationId;
    }

    /** Whether the units travel as the whole request's transfer, not as one portion of a split. */
    public boolean travelsAsWholeRequest() {
        return transferIdOf(requestId).equals(transferId);
    }

    public Reservation withExpiry(Instant expiresAt) {
        return new Reservation(
                requestId,
                complaintId,
                assignmentId,
                quantity,
                reservedAt,
                source,
                readyAt,
                expiresAt,
                transferId,
                transferTo,
                transferFrom,
                transferStatus,
                actionId,
                shippingDealerId);
    }

    public Reservation withTransfer(TransferStatus status, Instant readyAt) {
        return new Reservation(
                requestId,
                complaintId,
                assignmentId,
                quantity,
                reservedAt,
                source,
                readyAt,
                expiresAt,
                transferId,
                transferTo,
                transferFrom,
                status,
                actionId,
                shippingDealerId);
    }

    /**
     * What holding it tells dispatch and the case: where the units are and when they are ready; for
     * goods, ReplacementReserved with the dealer who ships them.
     */
    Record reserved(String partNumber, String locationId, Instant now) {
        if (isGoods()) {
            return new ReplacementReserved(
                    complaintId, actionId, partNumber, quantity, locationId, shippingDealerId, readyAt);
        }
        return new PartsReserved(
                requestId, complaintId, assignmentId, partNumber, quantity, locationId, source, readyAt, now);
    }

    /** What its transfer asks of the sending dealer at {@code fromLocationId}; for a reservation with a transfer. */
    TransferRequested transferRequested(String partNumber, String fromLocationId, Instant now) {
        return new TransferRequested(
                transferId, requestId, complaintId, partNumber, quantity, fromLocationId, transferTo, readyAt, now);
    }

    ReservationReleased released(String partNumber, String locationId, String reason, Instant now) {
        return new ReservationReleased(
                requestId, complaintId, assignmentId, partNumber, quantity, locationId, reason, now);
    }

    /** Units on a lorry are not released by expiry: they are released, if at all, where they arrive. */
    public boolean inTransit() {
        return transferStatus == TransferStatus.SHIPPED;
    }

    public boolean dueBy(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now) && !inTransit();
    }
}
