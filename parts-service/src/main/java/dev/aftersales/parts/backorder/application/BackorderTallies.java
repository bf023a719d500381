package dev.aftersales.parts.backorder.application;

import dev.aftersales.parts.backorder.domain.BackorderTally;
import java.time.Instant;
import java.util.List;

/** The store side of the backorder report: backorders counted by dealer and status. */
public interface BackorderTallies {

    /**
     * @param dealerId one dealer, or null for every dealer
     * @return one tally per dealer with a backorder from {@code start} (inclusive) to {@code end} (exclusive), by dealer id
     */
    List<BackorderTally> backorderedBetween(String dealerId, Instant start, Instant end);
}
