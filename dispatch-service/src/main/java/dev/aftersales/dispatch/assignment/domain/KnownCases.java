package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.intake.Priority;
import java.util.Optional;

/** The cases dispatch has heard of, by complaint id. */
public interface KnownCases {

    /** Keeps the case unless it is known already (a redelivered registration changes nothing). */
    void remember(KnownCase known);

    Optional<KnownCase> byId(String complaintId);

    void changePriority(String complaintId, Priority priority);

    /** The customer has called {@code callCount} times about the case; a smaller count (a late redelivery) changes nothing. */
    void recordCalls(String complaintId, int callCount);
}
