package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.CaseWarranty;
import dev.aftersales.dispatch.assignment.domain.EarlierVisit;
import dev.aftersales.dispatch.assignment.domain.KnownCase;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Puts together the technician's brief of an assignment from what dispatch keeps: the case as intake
 * registered it (one read by complaint id), the machine in the archive (one read by serial) and, for a
 * single assignment, the machine's other assignments (by serial, indexed). Read when shown, so a
 * correction of the archive or a further call shows at once.
 */
@Service
public class BriefAssignments {

    private final KnownCases knownCases;
    private final Installations installations;
    private final WarrantyPolicy warranties;
    private final Assignments assignments;
    private final Clock clock;
    private final ZoneId businessZone;

    BriefAssignments(
            KnownCases knownCases,
            Installations installations,
            WarrantyPolicy warranties,
            Assignments assignments,
            Clock clock,
            DispatchProperties properties) {
        this.knownCases = knownCases;
        this.installations = installations;
        this.warranties = warranties;
        this.assignments = assignments;
        this.clock = clock;
        this.businessZone = properties.businessZone();
    }

    /** The brief of one assignment, with the machine's earlier visits and the repeat-failure flag. */
    public AssignmentBrief of(Assignment assignment) {
        var known = knownCases.byId(assignment.complaintId()).orElse(null);
        var began = caseBegan(assignment, known);
        var earlier =
                EarlierVisit.of(assignments.ofMachine(assignment.serialNumber()), assignment.id(), clock.instant());
        return brief(assignment, known, earlier, EarlierVisit.repeatFailure(earlier, assignment.complaintId(), began));
    }

    /** The brief of an assignment on a list: without history, which only the assignment itself shows. */
    public AssignmentBrief listed(Assignment listed) {
        return brief(listed, knownCases.byId(listed.complaintId()).orElse(null), null, null);
    }

    private AssignmentBrief brief(
            Assignment assignment, KnownCase known, List<EarlierVisit> earlier, Boolean repeatFailure) {
        var installation = installations.bySerialNumber(assignment.serialNumber());
        var day = caseBegan(assignment, known).atZone(businessZone).toLocalDate();
        var warranty =
                CaseWarranty.on(day, installation.map(warranties::warrantyOf).orElse(null));
        var model = installation.map(i -> i.model()).orElse(known == null ? null : known.model());
        return new AssignmentBrief(
                assignment,
                model,
                warranty,
                known == null ? 1 : known.calls(),
                known == null ? null : known.customerRequest(),
                earlier,
                repeatFailure);
    }

    /** When the customer first called; for cases known before the field, when dispatch decided. */
    private static Instant caseBegan(Assignment assignment, KnownCase known) {
        if (known != null && known.registeredAt() != null) {
            return known.registeredAt();
        }
        return assignment.decidedAt();
    }
}
