package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.contracts.dispatch.InstalledFacts;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.SiteFacts;
import java.math.BigDecimal;
import java.util.List;

/**
 * @param installed an installation's machine as installed (required for INSTALLATION, else absent)
 * @param relocatedTo where a relocated machine stands now (required for RELOCATION, else absent)
 */
public record CompleteVisitCommand(
        String technicianId,
        String assignmentId,
        String diagnosis,
        String rootCause,
        List<PartLine> partsUsed,
        BigDecimal feeCharged,
        boolean fixed,
        InstalledFacts installed,
        SiteFacts relocatedTo) {

    /** A repair or maintenance visit: nothing for the archive. */
    public CompleteVisitCommand(
            String technicianId,
            String assignmentId,
            String diagnosis,
            String rootCause,
            List<PartLine> partsUsed,
            BigDecimal feeCharged,
            boolean fixed) {
        this(technicianId, assignmentId, diagnosis, rootCause, partsUsed, feeCharged, fixed, null, null);
    }
}
