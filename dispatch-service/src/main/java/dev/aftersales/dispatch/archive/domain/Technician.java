package dev.aftersales.dispatch.archive.domain;

import java.util.Set;

/**
 * A field technician of a dealer, a service point or a regional centre ({@code dealerId} names
 * whichever employs them).
 *
 * @param active false once the technician has left or is unavailable: the rule chain passes them by
 * @param productLines the machines they are trained for, e.g. {@code WATER_PURIFIER}
 * @param kindsOfWork the kinds of work they do ({@code ComplaintKind} names); empty means every kind
 * @param dailyCapacity how many open assignments they can carry; {@link #UNLIMITED} when not recorded
 * @param openAssignments assignments given to them and not yet completed: the load the rule chain
 *     balances between colleagues and compares with the capacity
 * @param availability leave and working hours, set by a dispatcher or the technician; the chain respects them
 */
public record Technician(
        String technicianId,
        String name,
        String dealerId,
        boolean active,
        Set<String> productLines,
        Set<String> kindsOfWork,
        int dailyCapacity,
        int openAssignments,
        Availability availability) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public Technician {
        availability = availability == null ? Availability.ALWAYS : availability;
        productLines = productLines == null ? Set.of() : Set.copyOf(productLines);
        kindsOfWork = kindsOfWork == null ? Set.of() : Set.copyOf(kindsOfWork);
    }

    /** A technician as the archive imports them: available whenever they are active. */
    public Technician(
            String technicianId,
            String name,
            String dealerId,
            boolean active,
            Set<String> productLines,
            Set<String> kindsOfWork,
            int dailyCapacity,
            int openAssignments) {
        this(technicianId, name, dealerId, active, productLines, kindsOfWork, dailyCapacity, openAssignments, null);
    }

    /** A technician of every kind of work without a capacity limit (the archive's first version). */
    public Technician(
            String technicianId,
            String name,
            String dealerId,
            boolean active,
            Set<String> productLines,
            int openAssignments) {
        this(technicianId, name, dealerId, active, productLines, Set.of(), UNLIMITED, openAssignments, null);
    }

    /** A machine without a recorded product line can be serviced by anyone of the dealer. */
    public boolean covers(String productLine) {
        return productLine == null || productLines.contains(productLine);
    }

    /** Trained for the machine's product line and doing this kind of work (null kind: any). */
    public boolean skilledFor(String productLine, String kind) {
        return covers(productLine) && (kind == null || kindsOfWork.isEmpty() || kindsOfWork.contains(kind));
    }

    public boolean hasCapacity() {
        return openAssignments < dailyCapacity;
    }

    public Technician withLoad(int load) {
        return new Technician(
                technicianId,
                name,
                dealerId,
                active,
                productLines,
                kindsOfWork,
                dailyCapacity,
                Math.max(0, load),
                availability);
    }
}
