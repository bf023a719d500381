package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.CaseWarranty;
import dev.aftersales.dispatch.assignment.domain.EarlierVisit;
import java.util.List;

/**
 * An assignment with what the technician needs to know before going: the machine's model and
 * warranty on the day the customer called, how often the customer has called, what they ask for,
 * and (on the assignment itself, not on the list) the machine's earlier visits and whether this is a
 * repeat failure.
 *
 * @param earlierVisits null on the list
 * @param repeatFailure null on the list
 */
public record AssignmentBrief(
        Assignment assignment,
        String model,
        CaseWarranty warranty,
        int callCount,
        String customerRequest,
        List<EarlierVisit> earlierVisits,
        Boolean repeatFailure) {}
