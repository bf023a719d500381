package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.contracts.dispatch.AssignmentRule.DEALER_COLLEAGUE;
import static dev.aftersales.contracts.dispatch.AssignmentRule.ORIGINAL_INSTALLER;

import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Technician;
import dev.aftersales.dispatch.archive.domain.Technicians;
import java.util.Comparator;
import java.util.Optional;

/**
 * The dispatch rule chain (domain.md, flow step 2), tried in order:
 *
 * <ol>
 *   <li>the machine's original installer, if still active: they know the machine, the site and the way there;
 *   <li>else the least-loaded active colleague at the same dealer who is trained for the product line
 *       (ties go to the lowest technician id, so the choice is repeatable);
 *   <li>else nobody: the case is escalated to the dispatcher. Service points and regional centres
 *       are not in the chain yet.
 * </ol>
 *
 * A serial number the archive does not know is escalated too. The policy only reads; the caller
 * records the decision.
 */
public final class AssignmentPolicy {

    private static final Comparator<Technician> LEAST_LOADED =
            Comparator.comparingInt(Technician::openAssignments).thenComparing(Technician::technicianId);

    private final Installations installations;
    private final Technicians technicians;

    public AssignmentPolicy(Installations installations, Technicians technicians) {
        this.installations = installations;
        this.technicians = technicians;
    }

    public Decision decide(String serialNumber) {
        var found = installations.bySerialNumber(serialNumber);
        if (found.isEmpty()) {
            return Decision.escalate(null, "no installation record for " + serialNumber);
        }
        var installation = found.get();
        var installer = Optional.ofNullable(installation.installerId()).flatMap(technicians::byId);
        if (installer.isPresent() && installer.get().active()) {
            return Decision.assign(installation, installer.get(), ORIGINAL_INSTALLER, installedBy(installation));
        }
        var why = whyNotTheInstaller(installation, installer);
        return leastLoadedColleague(installation)
                .map(colleague -> Decision.assign(
                        installation,
                        colleague,
                        DEALER_COLLEAGUE,
                        why + "; least-loaded active colleague at dealer " + installation.dealerId() + " ("
                                + colleague.openAssignments() + " open assignments)"))
                .orElseGet(() -> Decision.escalate(
                        installation,
                        why + "; no active technician at dealer " + installation.dealerId()
                                + (installation.productLine() == null ? "" : " for " + installation.productLine())));
    }

    private Optional<Technician> leastLoadedColleague(Installation installation) {
        return technicians.ofDealer(installation.dealerId()).stream()
                .filter(Technician::active)
                .filter(t -> t.covers(installation.productLine()))
                .filter(t -> !t.technicianId().equals(installation.installerId()))
                .min(LEAST_LOADED);
    }

    private static String installedBy(Installation installation) {
        var reason = "original installer of " + installation.serialNumber();
        return installation.installedOn() == null ? reason : reason + " (installed " + installation.installedOn() + ")";
    }

    private static String whyNotTheInstaller(Installation installation, Optional<Technician> installer) {
        if (installation.installerId() == null) {
            return "installer of " + installation.serialNumber() + " not recorded";
        }
        var who = "original installer " + installation.installerId() + " of " + installation.serialNumber();
        return installer.isEmpty() ? who + " not in the archive" : who + " inactive";
    }
}
