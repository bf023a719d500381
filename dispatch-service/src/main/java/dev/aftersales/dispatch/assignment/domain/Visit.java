package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.dispatch.InstalledFacts;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.SiteFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The technician's report of a finished visit: what was found, used and charged, and whether it is fixed.
 *
 * @param installed for an installation: the machine as installed (the archive records it); else null
 * @param relocatedTo for a relocation: where the machine stands now (the archive moves its site); else null
 */
public record Visit(
        String diagnosis,
        String rootCause,
        List<PartLine> partsUsed,
        BigDecimal feeCharged,
        boolean fixed,
        Instant completedAt,
        InstalledFacts installed,
        SiteFacts relocatedTo) {

    public Visit {
        partsUsed = partsUsed == null ? List.of() : List.copyOf(partsUsed);
    }

    /** A repair or maintenance visit: nothing for the archive. */
    public Visit(
            String diagnosis,
            String rootCause,
            List<PartLine> partsUsed,
            BigDecimal feeCharged,
            boolean fixed,
            Instant completedAt) {
        this(diagnosis, rootCause, partsUsed, feeCharged, fixed, completedAt, null, null);
    }
}
