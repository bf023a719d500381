package dev.aftersales.parts.backorder.domain;

/**
 * What became of the requests backordered at one dealer within a period, as they stand now: how many
 * and how many units had to wait for stock, and of those requests how many were served since, left the
 * line with their withdrawn visit, or still wait (being served counts as waiting until it is done).
 */
public record BackorderTally(
        String dealerId,
        int backordered,
        int unitsBackordered,
        int served,
        int withdrawn,
        int waiting,
        int unitsWaiting) {

    /** The share of the period's backorders served by now; null when nothing was backordered. */
    public Double servedShare() {
        return backordered == 0 ? null : (double) served / backordered;
    }
}
