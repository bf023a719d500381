package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.intake.complaint.domain.CaseRuleViolation;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The owner of an action of an agreed resolution reports it carried out, with evidence: the hotline
 * for any action, a dealer only for its own (another dealer's action, or a case it has none on, is
 * not found: a dealer does not learn which cases exist). An agent confirms that the customer received
 * shipped goods. The last action done publishes {@code ResolutionCarriedOut}.
 */
@Service
public class CarryOutAction {

    private final CaseChanges changes;
    private final Clock clock;

    CarryOutAction(CaseChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException no such case or action, or a dealer's request about another's action
     * @throws ConflictException the action is done already, or the case has no agreed resolution
     */
    public void done(String complaintId, String actionId, Caller caller, String evidence, String note) {
        var now = clock.instant();
        changes.change(
                complaintId,
                complaint -> {
                    var resolution = complaint.resolution();
                    var action = resolution == null
                            ? null
                            : resolution.action(actionId).orElse(null);
                    if (!caller.hasAny(Role.AGENT, Role.SUPERVISOR)
                            && (action == null || !caller.isDealer(action.ownerDealerId()))) {
                        throw new NotFoundException("no action " + actionId + " of complaint " + complaintId);
                    }
                    try {
                        if (!complaint.actionDone(actionId, caller.userId(), evidence, note, now)) {
                            throw new ConflictException("action " + actionId + " is already done");
                        }
                    } catch (CaseRuleViolation e) {
                        throw new ConflictException(e.getMessage());
                    }
                    return complaint;
                },
                () -> new NotFoundException("no complaint " + complaintId));
    }

    /** An agent confirms the customer received the goods parts reported shipped: the action is done. */
    public void received(String complaintId, String actionId, String by, String note) {
        var now = clock.instant();
        changes.change(complaintId, complaint -> {
            complaint.goodsReceived(actionId, by, note, now);
            return complaint;
        });
    }
}
