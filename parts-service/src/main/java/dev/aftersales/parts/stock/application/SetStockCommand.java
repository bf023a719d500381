package dev.aftersales.parts.stock.application;

import java.util.List;

/** Counted stock for some lines; each line is set, not added to. */
public record SetStockCommand(List<Line> lines) {

    public SetStockCommand {
        lines = List.copyOf(lines);
    }

    /**
     * @param reorderPoint null keeps the line's current reorder point (0 for a new line)
     * @param unitCost what one unit cost, for the value report; null keeps the current one
     */
    public record Line(
            String locationId, String partNumber, int onHand, Integer reorderPoint, java.math.BigDecimal unitCost) {

        public Line(String locationId, String partNumber, int onHand, Integer reorderPoint) {
            this(locationId, partNumber, onHand, reorderPoint, null);
        }
    }
}
