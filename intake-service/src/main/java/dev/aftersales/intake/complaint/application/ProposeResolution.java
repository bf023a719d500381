package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.ResolutionAction;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Step 4 of the complaint procedure: the agent proposes a resolution for a supervisor to approve. */
@Service
public class ProposeResolution {

    private final CaseChanges changes;
    private final Clock clock;

    ProposeResolution(CaseChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** @return the id of the proposed resolution */
    public String propose(String complaintId, List<ResolutionAction> actions, String by) {
        var now = clock.instant();
        var resolutionId = "RES-" + UUID.randomUUID();
        return changes.change(complaintId, complaint -> {
            complaint.proposeResolution(resolutionId, actions, by, now);
            return resolutionId;
        });
    }
}
