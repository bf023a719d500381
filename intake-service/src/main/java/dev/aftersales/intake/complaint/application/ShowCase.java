package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The case as the hotline sees it when a customer calls back, and as a dispatcher follows it. The
 * complaint form (the customer's name, phones, address and what they told the agent) is for the
 * hotline that works the case; a dispatcher sees the case's course without it (their assignment
 * carries the contact the visit needs).
 */
@Service
public class ShowCase {

    /** @param formVisible whether the caller may see the complaint form */
    public record Shown(Complaint complaint, boolean formVisible) {}

    private final Complaints complaints;

    ShowCase(Complaints complaints) {
        this.complaints = complaints;
    }

    public Shown show(String complaintId, Caller caller) {
        if (!caller.hasAny(Role.AGENT, Role.SUPERVISOR, Role.DISPATCHER)) {
            throw new AccessDeniedException("cases are for the hotline and dispatch");
        }
        var complaint =
                complaints.find(complaintId).orElseThrow(() -> new NotFoundException("no complaint " + complaintId));
        return new Shown(complaint, caller.hasAny(Role.AGENT, Role.SUPERVISOR));
    }
}
