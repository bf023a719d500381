package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.contracts.dispatch.PartLine;
import java.math.BigDecimal;
import java.util.List;

public record CompleteVisitCommand(
        String technicianId,
        String assignmentId,
        String diagnosis,
        String rootCause,
        List<PartLine> partsUsed,
        BigDecimal feeCharged,
        boolean fixed) {}
