package dev.aftersales.dispatch.archive.domain;

import java.util.Set;

/**
 * A field technician of a dealer.
 *
 * @param active false once the technician has left or is unavailable: the rule chain passes them by
 * @param productLines the machines they are trained for, e.g. {@code WATER_PURIFIER}
 * @param openAssignments assignments given to them and not yet completed: the load the rule chain
 *     balances between colleagues
 */
public record Technician(
        String technicianId,
        String name,
        String dealerId,
        boolean active,
        Set<String> productLines,
        int openAssignments) {

    public Technician {
        productLines = productLines == null ? Set.of() : Set.copyOf(productLines);
    }

    /** A machine without a recorded product line can be serviced by anyone of the dealer. */
    public boolean covers(String productLine) {
        return productLine == null || productLines.contains(productLine);
    }
}
