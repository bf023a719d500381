package dev.aftersales.followup.casefile.domain;

import java.util.List;

/**
 * Everything a {@link CaseFile} knows besides its complaint id, in one immutable value: what {@link
 * CaseFile#snapshot} gives the store and {@link CaseFile#restore} takes back.
 */
public record CaseFileState(
        String serialNumber,
        String model,
        String batchNumber,
        String customerId,
        String technicianId,
        String dealerId,
        List<String> partsUsed,
        List<CaseStep> steps,
        List<CompletedVisit> visits,
        int round,
        FollowupState state) {}
