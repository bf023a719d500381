package dev.aftersales.parts.stock.application;

import java.util.List;

/** Counted stock for some lines; each line is set, not added to. */
public record SetStockCommand(List<Line> lines) {

    public SetStockCommand {
        lines = List.copyOf(lines);
    }

    /** @param reorderPoint null keeps the line's current reorder point (0 for a new line) */
    public record Line(String locationId, String partNumber, int onHand, Integer reorderPoint) {}
}
