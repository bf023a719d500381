package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.util.List;
import org.springframework.stereotype.Service;

/** The supervisor's list: open cases whose customer has had no answer yet, waiting longest first. */
@Service
public class ListWaitingCases {

    private static final int LIMIT = 500;

    private final Complaints complaints;

    ListWaitingCases(Complaints complaints) {
        this.complaints = complaints;
    }

    public List<Complaint> list() {
        return complaints.unanswered(LIMIT);
    }
}
