package dev.aftersales.parts.reservation.application;

import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import org.springframework.stereotype.Service;

/** A complaint was registered: its priority places its later backorders in line (urgent first). */
@Service
public class RecordComplaintPriority {

    private final CaseFacts caseFacts;

    RecordComplaintPriority(CaseFacts caseFacts) {
        this.caseFacts = caseFacts;
    }

    public void registered(String complaintId, Priority priority) {
        caseFacts.recordPriority(complaintId, priority);
    }
}
