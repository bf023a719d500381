package dev.aftersales.parts.reservation.application;

import java.time.Instant;

/**
 * Where the goods of one resolution action stand, as the stock lines and the backorders hold them.
 *
 * @param locationId where the goods are held (or were, once shipped); null while backordered
 * @param shippingDealerId the dealer who ships them and confirms it; null while backordered
 * @param readyAt when they can leave; null while backordered or once shipped
 */
public record Replacement(
        String complaintId,
        String actionId,
        Status status,
        String itemNumber,
        Integer quantity,
        String locationId,
        String shippingDealerId,
        Instant readyAt) {

    /** The same goods, confirmed shipped. */
    Replacement shipped() {
        return new Replacement(
                complaintId, actionId, Status.SHIPPED, itemNumber, quantity, locationId, shippingDealerId, null);
    }

    public enum Status {
        BACKORDERED,
        RESERVED,
        SHIPPED
    }
}
