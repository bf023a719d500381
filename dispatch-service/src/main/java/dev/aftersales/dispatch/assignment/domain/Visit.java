package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.dispatch.PartLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The technician's report of a finished visit: what was found, used and charged, and whether it is fixed. */
public record Visit(
        String diagnosis,
        String rootCause,
        List<PartLine> partsUsed,
        BigDecimal feeCharged,
        boolean fixed,
        Instant completedAt) {

    public Visit {
        partsUsed = partsUsed == null ? List.of() : List.copyOf(partsUsed);
    }
}
