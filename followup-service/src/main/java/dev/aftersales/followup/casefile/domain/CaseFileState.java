package dev.aftersales.followup.casefile.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link CaseFile} knows besides its complaint id, in one immutable value: the case
 * file keeps it, {@link CaseFile#snapshot} gives it to the store and {@link CaseFile#restore} takes it
 * back. The only place the case file's fields are listed; each change below makes the next value.
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
        FollowupState state) {

    /** A case follow-up has not heard of yet: round 1, open. */
    static final CaseFileState UNKNOWN = new CaseFileState(
            null, null, null, null, null, null, List.of(), List.of(), List.of(), 1, FollowupState.OPEN);

    /** Files stored before a field existed read with its starting value. */
    public CaseFileState {
        partsUsed = partsUsed == null ? List.of() : List.copyOf(partsUsed);
        steps = steps == null ? List.of() : List.copyOf(steps);
        visits = visits == null ? List.of() : List.copyOf(visits);
        round = Math.max(1, round);
        state = state == null ? FollowupState.OPEN : state;
    }

    CaseFileState about(String serialNumber, String model, String batchNumber, String customerId) {
        return new CaseFileState(
                serialNumber,
                model,
                batchNumber,
                customerId,
                technicianId,
                dealerId,
                partsUsed,
                steps,
                visits,
                round,
                state);
    }

    CaseFileState servedBy(String technicianId, String dealerId) {
        return new CaseFileState(
                serialNumber,
                model,
                batchNumber,
                customerId,
                technicianId,
                dealerId,
                partsUsed,
                steps,
                visits,
                round,
                state);
    }

    /** The visit joins the current round; its parts join those used on the case (each once). */
    CaseFileState withVisit(CompletedVisit visit, List<String> parts) {
        var allParts = new ArrayList<>(partsUsed);
        parts.stream().filter(p -> !allParts.contains(p)).forEach(allParts::add);
        var allVisits = new ArrayList<>(visits);
        allVisits.add(visit);
        return new CaseFileState(
                serialNumber,
                model,
                batchNumber,
                customerId,
                technicianId,
                dealerId,
                allParts,
                steps,
                allVisits,
                round,
                state);
    }

    CaseFileState withSteps(List<CaseStep> steps) {
        return new CaseFileState(
                serialNumber,
                model,
                batchNumber,
                customerId,
                technicianId,
                dealerId,
                partsUsed,
                steps,
                visits,
                round,
                state);
    }

    CaseFileState inRound(int round, FollowupState state) {
        return new CaseFileState(
                serialNumber,
                model,
                batchNumber,
                customerId,
                technicianId,
                dealerId,
                partsUsed,
                steps,
                visits,
                round,
                state);
    }
}
