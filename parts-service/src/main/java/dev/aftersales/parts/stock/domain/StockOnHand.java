package dev.aftersales.parts.stock.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a stock line has on hand and what a unit of it cost, without what is held of it: all a
 * valuation needs. Read apart from the line's reservations, which grow with every request it served.
 *
 * @param lots oldest first, adding up to the line's on hand (as {@link Stock#lots})
 * @param unitCost null when the line has no cost (it is not valued)
 */
public record StockOnHand(String locationId, String partNumber, List<Lot> lots, BigDecimal unitCost) {

    public StockOnHand {
        lots = List.copyOf(lots);
    }

    /** From the stored fields, the lots made to add up to {@code onHand} as a whole line's would be. */
    public static StockOnHand of(
            String locationId, String partNumber, int onHand, List<Lot> storedLots, BigDecimal unitCost) {
        return new StockOnHand(locationId, partNumber, new Lots(storedLots, onHand).list(), unitCost);
    }
}
