package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.contracts.dispatch.AssignmentRule.DEALER_COLLEAGUE;
import static dev.aftersales.contracts.dispatch.AssignmentRule.ORIGINAL_INSTALLER;
import static dev.aftersales.contracts.dispatch.AssignmentRule.REGIONAL_CENTRE;
import static dev.aftersales.contracts.dispatch.AssignmentRule.SERVICE_POINT;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Regions;
import dev.aftersales.dispatch.archive.domain.ServicePoint;
import dev.aftersales.dispatch.archive.domain.ServicePointType;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.Technician;
import dev.aftersales.dispatch.archive.domain.Technicians;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The dispatch rule chain (domain.md, flow step 2), tried in order. A technician is available when
 * active, skilled for the machine's product line and the kind of work, below their daily capacity,
 * and not among those who already passed on this case ({@code excluded}).
 *
 * <ol>
 *   <li>the machine's original installer: they know the machine, the site and the way there;
 *   <li>else the least-loaded available colleague at the machine's dealer (ties: lowest id);
 *   <li>else the nearest authorized service point with someone available: by distance when both the
 *       site and the point have coordinates (within {@code maxServicePointKm}), else by region code
 *       (same district, then city, then province);
 *   <li>else the regional service centre of the site's province (or within {@code maxCentreKm});
 *   <li>else nobody: the case is escalated to the dispatcher.
 * </ol>
 *
 * A serial number the archive does not know is escalated too. The policy only reads; the caller
 * records the decision.
 */
public final class AssignmentPolicy {

    public static final double DEFAULT_MAX_SERVICE_POINT_KM = 100;
    public static final double DEFAULT_MAX_CENTRE_KM = 500;

    private static final Comparator<Technician> LEAST_LOADED =
            Comparator.comparingInt(Technician::openAssignments).thenComparing(Technician::technicianId);

    private final Installations installations;
    private final Technicians technicians;
    private final ServicePoints servicePoints;
    private final double maxServicePointKm;
    private final double maxCentreKm;

    public AssignmentPolicy(
            Installations installations,
            Technicians technicians,
            ServicePoints servicePoints,
            double maxServicePointKm,
            double maxCentreKm) {
        this.installations = installations;
        this.technicians = technicians;
        this.servicePoints = servicePoints;
        this.maxServicePointKm = maxServicePointKm;
        this.maxCentreKm = maxCentreKm;
    }

    public AssignmentPolicy(Installations installations, Technicians technicians, ServicePoints servicePoints) {
        this(installations, technicians, servicePoints, DEFAULT_MAX_SERVICE_POINT_KM, DEFAULT_MAX_CENTRE_KM);
    }

    /** The first decision for a case: nobody has passed on it yet. */
    public Decision decide(String serialNumber, String kind) {
        return decide(serialNumber, kind, Set.of());
    }

    /**
     * @param kind the {@code ComplaintKind} name of the work; null for any
     * @param excluded technicians who declined the case or let its offer time out
     */
    public Decision decide(String serialNumber, String kind, Set<String> excluded) {
        var found = installations.bySerialNumber(serialNumber);
        if (found.isEmpty()) {
            return Decision.escalate(null, "no installation record for " + serialNumber);
        }
        var installation = found.get();
        var available = new Availability(installation.productLine(), kind, excluded);
        var why = new ArrayList<String>();

        var installer = Optional.ofNullable(installation.installerId()).flatMap(technicians::byId);
        var installerMissing = whyNotTheInstaller(installation, installer, available);
        if (installerMissing == null) {
            return Decision.assign(installation, installer.get(), ORIGINAL_INSTALLER, installedBy(installation));
        }
        why.add(installerMissing);

        var colleague = leastLoaded(technicians.ofDealer(installation.dealerId()), available, installation);
        if (colleague.isPresent()) {
            var c = colleague.get();
            why.add("least-loaded available colleague at dealer " + installation.dealerId() + " (" + c.openAssignments()
                    + " open assignments)");
            return Decision.assign(installation, c, DEALER_COLLEAGUE, String.join("; ", why));
        }
        why.add("no available technician at dealer " + installation.dealerId() + forWhat(installation, kind));

        var site = installation.site();
        var point = nearest(ServicePointType.SERVICE_POINT, site, maxServicePointKm, available, installation);
        if (point.isPresent()) {
            return point.get().decision(installation, SERVICE_POINT, "nearest authorized service point", why);
        }
        why.add("no authorized service point nearby with an available technician");

        var centre = nearest(ServicePointType.REGIONAL_CENTRE, site, maxCentreKm, available, installation);
        if (centre.isPresent()) {
            return centre.get().decision(installation, REGIONAL_CENTRE, "regional service centre", why);
        }
        why.add("no regional service centre with an available technician");
        return Decision.escalate(installation, String.join("; ", why));
    }

    /** What makes a technician available for this case. */
    private record Availability(String productLine, String kind, Set<String> excluded) {

        boolean test(Technician t) {
            return t.active()
                    && t.skilledFor(productLine, kind)
                    && t.hasCapacity()
                    && !excluded.contains(t.technicianId());
        }
    }

    /** A service point that can take the case, and how near it is. */
    private record Candidate(ServicePoint point, Technician technician, Double distanceKm, int closeness) {

        Decision decision(Installation installation, AssignmentRule rule, String what, List<String> why) {
            var nearness = distanceKm != null
                    ? String.format(Locale.ROOT, "%.1f km", distanceKm)
                    : Regions.describe(closeness) + " " + point.regionCode();
            why.add(what + " " + point.servicePointId() + " (" + nearness + "), technician " + technician.technicianId()
                    + " (" + technician.openAssignments() + " open assignments)");
            return Decision.assign(installation, technician, rule, String.join("; ", why));
        }
    }

    private Optional<Candidate> nearest(
            ServicePointType type, Site site, double maxKm, Availability available, Installation installation) {
        if (site == null) {
            return Optional.empty();
        }
        var candidates = new ArrayList<Candidate>();
        for (var point : servicePoints.all()) {
            if (point.type() != type) {
                continue;
            }
            Double distance = site.located() && point.located()
                    ? Regions.distanceKm(site.latitude(), site.longitude(), point.latitude(), point.longitude())
                    : null;
            var closeness = Regions.closeness(site.regionCode(), point.regionCode());
            var near = distance != null ? distance <= maxKm : closeness > Regions.ELSEWHERE;
            if (!near) {
                continue;
            }
            leastLoaded(technicians.ofDealer(point.servicePointId()), available, installation)
                    .ifPresent(t -> candidates.add(new Candidate(point, t, distance, closeness)));
        }
        // Measured distances first, nearest first; then by region code, closest first.
        return candidates.stream()
                .min(Comparator.comparing((Candidate c) -> c.distanceKm() == null ? 1 : 0)
                        .thenComparing(c -> c.distanceKm() == null ? 0.0 : c.distanceKm())
                        .thenComparing(c -> -c.closeness())
                        .thenComparing(c -> c.point().servicePointId()));
    }

    private static Optional<Technician> leastLoaded(
            List<Technician> staff, Availability available, Installation installation) {
        return staff.stream()
                .filter(available::test)
                .filter(t -> !t.technicianId().equals(installation.installerId()))
                .min(LEAST_LOADED);
    }

    private static String installedBy(Installation installation) {
        var reason = "original installer of " + installation.serialNumber();
        return installation.installedOn() == null ? reason : reason + " (installed " + installation.installedOn() + ")";
    }

    private static String forWhat(Installation installation, String kind) {
        var what = new ArrayList<String>();
        if (installation.productLine() != null) {
            what.add(installation.productLine());
        }
        if (kind != null) {
            what.add(kind);
        }
        return what.isEmpty() ? "" : " for " + String.join(" ", what);
    }

    /** Null when the installer is available. */
    private static String whyNotTheInstaller(
            Installation installation, Optional<Technician> installer, Availability available) {
        if (installation.installerId() == null) {
            return "installer of " + installation.serialNumber() + " not recorded";
        }
        var who = "original installer " + installation.installerId() + " of " + installation.serialNumber();
        if (installer.isEmpty()) {
            return who + " not in the archive";
        }
        var t = installer.get();
        if (!t.active()) {
            return who + " inactive";
        }
        if (available.excluded().contains(t.technicianId())) {
            return who + " already passed on this case";
        }
        if (!t.skilledFor(available.productLine(), available.kind())) {
            return who + " not skilled" + forWhat(installation, available.kind());
        }
        if (!t.hasCapacity()) {
            return who + " at capacity (" + t.openAssignments() + "/" + t.dailyCapacity() + ")";
        }
        return null;
    }
}
