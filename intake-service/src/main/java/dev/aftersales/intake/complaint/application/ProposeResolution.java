package dev.aftersales.intake.complaint.application;

import java.time.Clock;
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
    public String propose(ProposeResolutionCommand command) {
        var now = clock.instant();
        var resolutionId = "RES-" + UUID.randomUUID();
        return changes.change(command.complaintId(), complaint -> {
            complaint.proposeResolution(resolutionId, command.actions(), command.by(), now);
            return resolutionId;
        });
    }
}
