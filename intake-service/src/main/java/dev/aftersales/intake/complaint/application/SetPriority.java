package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.Priority;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A supervisor sets a case's priority with a reason (up to URGENT, or back down): {@code
 * PriorityChanged} tells dispatch (the technician's list and feed) and parts (backorders priority first).
 */
@Service
public class SetPriority {

    private final CaseChanges changes;
    private final Clock clock;

    SetPriority(CaseChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public void set(String complaintId, Priority priority, String reason, String by) {
        var now = clock.instant();
        changes.change(complaintId, complaint -> {
            complaint.changePriority(priority, reason, by, now);
            return complaint;
        });
    }
}
