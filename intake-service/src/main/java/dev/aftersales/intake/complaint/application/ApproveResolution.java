package dev.aftersales.intake.complaint.application;

import java.time.Clock;
import org.springframework.stereotype.Service;

/** A supervisor approves the proposed resolution of a case. */
@Service
public class ApproveResolution {

    private final CaseChanges changes;
    private final Clock clock;

    ApproveResolution(CaseChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public void approve(String complaintId, String supervisor) {
        var now = clock.instant();
        changes.change(complaintId, complaint -> {
            complaint.approveResolution(supervisor, now);
            return complaint;
        });
    }
}
