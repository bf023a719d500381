package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import org.springframework.stereotype.Service;

/** The case as the hotline sees it when a customer calls back. */
@Service
public class ShowCase {

    private final Complaints complaints;

    ShowCase(Complaints complaints) {
        this.complaints = complaints;
    }

    public Complaint show(String complaintId) {
        return complaints.find(complaintId).orElseThrow(() -> new NotFoundException("no complaint " + complaintId));
    }
}
