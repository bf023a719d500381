package dev.aftersales.intake.complaint.application;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The agent records that the customer accepted the approved resolution: {@code ResolutionAgreed}
 * tells the departments to carry it out.
 */
@Service
public class RecordResolutionAcceptance {

    private final CaseChanges changes;
    private final Clock clock;

    RecordResolutionAcceptance(CaseChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public void accept(String complaintId, String recordedBy) {
        var now = clock.instant();
        changes.change(complaintId, complaint -> {
            complaint.recordAcceptance(recordedBy, now);
            return complaint;
        });
    }
}
