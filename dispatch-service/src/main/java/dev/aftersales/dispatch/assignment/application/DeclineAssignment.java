package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import org.springframework.stereotype.Service;

/** The offered technician declines with a reason; the case goes to the next candidate of the rule chain. */
@Service
public class DeclineAssignment {

    private final OwnAssignments own;
    private final OfferNextCandidate offerNext;

    DeclineAssignment(OwnAssignments own, OfferNextCandidate offerNext) {
        this.own = own;
        this.offerNext = offerNext;
    }

    public void decline(String technicianId, String assignmentId, DeclineReason reason, String note) {
        var assignment = own.get(technicianId, assignmentId);
        if (assignment.accepted()) {
            throw new ConflictException("cannot decline " + assignmentId + ": it was accepted already");
        }
        try {
            offerNext.passOn(assignment, reason.name(), note, false);
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
