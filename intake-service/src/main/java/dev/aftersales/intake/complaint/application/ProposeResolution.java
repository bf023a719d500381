package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.contracts.intake.SubjectKind;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import dev.aftersales.intake.complaint.domain.Complaint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Step 4 of the complaint procedure: the agent proposes a resolution for a supervisor to approve.
 * Every action leaves here carried out by someone by some time: an id, an owner (the machine's
 * dealer ships goods, dispatch sends a revisit, the hotline does the rest unless the agent names
 * another), a promised time (the default promise when the agent gave none), where parts starts
 * looking for goods, and — for a revisit — the technician who must not make it (the complaint's subject).
 */
@Service
public class ProposeResolution {

    private final CaseChanges changes;
    private final MachineArchive archive;
    private final Clock clock;
    private final Duration defaultPromise;

    ProposeResolution(CaseChanges changes, MachineArchive archive, Clock clock, IntakeProperties properties) {
        this.changes = changes;
        this.archive = archive;
        this.clock = clock;
        this.defaultPromise = properties.resolutions().defaultPromise();
    }

    /** @return the id of the proposed resolution */
    public String propose(ProposeResolutionCommand command) {
        var now = clock.instant();
        var resolutionId = "RES-" + UUID.randomUUID();
        return changes.change(command.complaintId(), complaint -> {
            var dealer = archive.bySerialNumber(complaint.form().machine().serialNumber())
                    .map(InstalledMachine::dealerId)
                    .orElse(null);
            var actions = new ArrayList<ResolutionAction>();
            var proposed = command.actions();
            for (int i = 0; i < proposed.size(); i++) {
                actions.add(complete(proposed.get(i), resolutionId + "-" + (i + 1), complaint, dealer, now));
            }
            complaint.proposeResolution(resolutionId, List.copyOf(actions), command.by(), now);
            return resolutionId;
        });
    }

    private ResolutionAction complete(
            ResolutionAction asked, String actionId, Complaint complaint, String sellingDealer, Instant now) {
        var kind = asked.kind();
        var ownerRole = asked.ownerRole();
        var ownerDealer = asked.ownerDealerId();
        if (ownerRole == null) {
            if (kind.shipsGoods() && sellingDealer != null) {
                ownerRole = "DEALER";
                ownerDealer = sellingDealer;
            } else {
                ownerRole = kind.needsVisit() ? "DISPATCHER" : "AGENT";
            }
        }
        var subject = complaint.subject();
        var excluded =
                kind.needsVisit() && subject != null && subject.kind() == SubjectKind.TECHNICIAN ? subject.id() : null;
        var quantity = asked.itemNumber() != null && asked.quantity() == null ? Integer.valueOf(1) : asked.quantity();
        return new ResolutionAction(
                kind == ResolutionKind.REPAIR ? ResolutionKind.REVISIT : kind,
                asked.description(),
                asked.amount(),
                actionId,
                ownerRole,
                "DEALER".equals(ownerRole) ? ownerDealer : null,
                asked.promisedBy() == null ? now.plus(defaultPromise) : asked.promisedBy(),
                asked.itemNumber(),
                quantity,
                sellingDealer,
                excluded);
    }
}
