package dev.aftersales.parts.stock.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a {@link Stock} line holds, in one immutable value: what {@link Stock#snapshot} gives
 * the store and {@link Stock#restore} takes back. Reserved and available units are derived from it.
 *
 * @param consumedRequestIds the requests that left the line (consumed, released, handed over)
 */
public record StockState(
        String locationId,
        String partNumber,
        int onHand,
        int reorderPoint,
        List<Reservation> reservations,
        List<String> consumedRequestIds,
        List<Lot> lots,
        BigDecimal unitCost) {

    /** A line never stocked: nothing on hand, held or remembered. */
    static StockState empty(String locationId, String partNumber) {
        return new StockState(locationId, partNumber, 0, 0, List.of(), List.of(), List.of(), null);
    }
}
