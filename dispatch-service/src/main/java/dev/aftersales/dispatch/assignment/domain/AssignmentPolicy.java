package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.contracts.dispatch.AssignmentRule.DEALER_COLLEAGUE;
import static dev.aftersales.contracts.dispatch.AssignmentRule.ORIGINAL_INSTALLER;
import static dev.aftersales.contracts.dispatch.AssignmentRule.REGIONAL_CENTRE;
import static dev.aftersales.contracts.dispatch.AssignmentRule.SERVICE_POINT;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Regions;
import dev.aftersales.dispatch.archive.domain.ServicePoint;
import dev.aftersales.dispatch.archive.domain.ServicePointType;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.Technician;
import dev.aftersales.dispatch.archive.domain.Technicians;
import java.time.Instant;
import java.time.ZoneId;
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
 * A serial number the archive does not know is escalated too. The technician a case is about (its
 * subject) is never chosen; technicians on leave or outside their working hours (in the business time
 * zone) are passed by, and the reason says so. The policy only reads; the caller records the decision.
 */
public final class AssignmentPolicy {

    public static final double DEFAULT_MAX_SERVICE_POINT_KM = 100;
    public static final double DEFAULT_MAX_CENTRE_KM = 500;
    public static final ZoneId DEFAULT_BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Comparator<Technician> LEAST_LOADED =
            Comparator.comparingInt(Technician::openAssignments).thenComparing(Technician::technicianId);

    private final Installations installations;
    private final Technicians technicians;
    private final ServicePoints servicePoints;
    private final double maxServicePointKm;
    private final double maxCentreKm;
    private final ZoneId businessZone;

    public AssignmentPolicy(
            Installations installations,
            Technicians technicians,
            ServicePoints servicePoints,
            double maxServicePointKm,
            double maxCentreKm,
            ZoneId businessZone) {
        this.installations = installations;
        this.technicians = technicians;
        this.servicePoints = servicePoints;
        this.maxServicePointKm = maxServicePointKm;
        this.maxCentreKm = maxCentreKm;
        this.businessZone = businessZone;
    }

    public AssignmentPolicy(Installations installations, Technicians technicians, ServicePoints servicePoints) {
        this(
                installations,
                technicians,
                servicePoints,
                DEFAULT_MAX_SERVICE_POINT_KM,
                DEFAULT_MAX_CENTRE_KM,
                DEFAULT_BUSINESS_ZONE);
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
        return decide(serialNumber, kind, excluded, null, null);
    }

    /**
     * @param subject the technician the case is about: never sent, whatever the rule; null when none
     * @param now when the technician would be sent: those on leave or outside their working hours are
     *     passed by, with the reason; null to ignore availability
     */
    public Decision decide(String serialNumber, String kind, Set<String> excluded, String subject, Instant now) {
        kind = kindOfWork(kind);
        var found = installations.bySerialNumber(serialNumber);
        if (found.isEmpty()) {
            return Decision.escalate(null, "no installation record for " + serialNumber);
        }
        var installation = found.get();
        var available = new Fit(installation.productLine(), kind, excluded, subject, now, businessZone);
        var why = new ArrayList<String>();

        var installer = Optional.ofNullable(installation.installerId()).flatMap(technicians::byId);
        var installerMissing = whyNotTheInstaller(installation, installer, available);
        if (installerMissing == null) {
            return Decision.assign(installation, installer.get(), ORIGINAL_INSTALLER, installedBy(installation));
        }
        why.add(installerMissing);

        var colleague =
                leastLoaded(technicians.ofDealer(installation.dealerId()), available, installation.installerId(), why);
        if (colleague.isPresent()) {
            var c = colleague.get();
            why.add("least-loaded available colleague at dealer " + installation.dealerId() + " (" + c.openAssignments()
                    + " open assignments)");
            return Decision.assign(installation, c, DEALER_COLLEAGUE, String.join("; ", why));
        }
        why.add("no available technician at dealer " + installation.dealerId()
                + forWhat(installation.productLine(), kind));
        return nearby(installation, installation.site(), available, why);
    }

    /**
     * The first decision for a registered case: never its subject; an installation of a machine the
     * archive does not know goes to the selling dealer's installers, then the nearest points to the
     * caller's address.
     */
    public Decision decideFor(ComplaintRegistered complaint, Instant now) {
        var subject = Assignment.subjectTechnician(complaint);
        var request = complaint.installation();
        if (request != null
                && installations.bySerialNumber(complaint.serialNumber()).isEmpty()) {
            var contact = complaint.contact();
            var site = contact == null ? null : new Site(contact.address(), contact.regionCode());
            return decideInstallation(request, site, Set.of(), subject, now);
        }
        return decide(
                complaint.serialNumber(),
                complaint.kind() == null ? null : complaint.kind().name(),
                Set.of(),
                subject,
                now);
    }

    /**
     * The chain run again for an open assignment: everyone in {@code skip} passed by, the case's
     * subject never chosen; an installation of a machine not yet archived goes the installation way.
     */
    public Decision decideAgain(Assignment assignment, Set<String> skip, Instant now) {
        if (assignment.installation() != null) {
            return decideInstallation(
                    assignment.installation(), assignment.site(), skip, assignment.excludedTechnicianId(), now);
        }
        return decide(
                assignment.serialNumber(),
                assignment.kind() == null ? null : assignment.kind().name(),
                skip,
                assignment.excludedTechnicianId(),
                now);
    }

    /**
     * A machine the archive does not know yet, to be installed: the selling dealer's installers
     * first (least loaded), then the service point and the regional centre nearest to the
     * customer's site, else an escalation.
     *
     * @param site where the machine is to be installed (the caller's address); may be null
     */
    public Decision decideInstallation(
            InstallationRequest request, Site site, Set<String> excluded, String subject, Instant now) {
        var kind = ComplaintKind.INSTALLATION.name();
        var available = new Fit(request.productLine(), kind, excluded, subject, now, businessZone);
        var why = new ArrayList<String>();
        var dealerId = request.sellingDealerId();
        if (dealerId != null) {
            var installer = leastLoaded(technicians.ofDealer(dealerId), available, null, why);
            if (installer.isPresent()) {
                var t = installer.get();
                why.add("installer of selling dealer " + dealerId + " (" + t.openAssignments() + " open assignments)");
                return Decision.assign(null, t, DEALER_COLLEAGUE, String.join("; ", why));
            }
            why.add("no available installer at selling dealer " + dealerId + forWhat(request.productLine(), kind));
        } else {
            why.add("selling dealer not known");
        }
        return nearby(null, site, available, why);
    }

    /** The rule chain's last steps: the nearest service point, the regional centre, else the dispatcher. */
    private Decision nearby(Installation installation, Site site, Fit available, List<String> why) {
        var point = nearest(ServicePointType.SERVICE_POINT, site, maxServicePointKm, available, installation, why);
        if (point.isPresent()) {
            return point.get().decision(installation, SERVICE_POINT, "nearest authorized service point", why);
        }
        why.add("no authorized service point nearby with an available technician");

        var centre = nearest(ServicePointType.REGIONAL_CENTRE, site, maxCentreKm, available, installation, why);
        if (centre.isPresent()) {
            return centre.get().decision(installation, REGIONAL_CENTRE, "regional service centre", why);
        }
        why.add("no regional service centre with an available technician");
        return Decision.escalate(installation, String.join("; ", why));
    }

    /**
     * The technicians of a service point (or centre) who could take the case now, least loaded
     * first: what a dispatcher's hand-over to that point chooses from.
     */
    public Optional<Technician> availableAt(
            String servicePointId, String productLine, String kind, Set<String> excluded, String subject, Instant now) {
        var fit = new Fit(productLine, kind, excluded, subject, now, businessZone);
        return leastLoaded(technicians.ofDealer(servicePointId), fit, null, new ArrayList<>());
    }

    /** Null when the technician can be sent now; else why not (leave, working hours). */
    public String unavailable(Technician technician, Instant now) {
        return technician.availability().unavailableAt(now, businessZone);
    }

    /**
     * The kind of work a visit is: a visit on a complaint handled by the procedure (a REVISIT agreed
     * for a fee dispute) is repair work, whatever the case's kind.
     */
    private static String kindOfWork(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return ComplaintKind.valueOf(kind).needsVisit() ? kind : ComplaintKind.REPAIR.name();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    /** What makes a technician available for this case. */
    private record Fit(
            String productLine, String kind, Set<String> excluded, String subject, Instant now, ZoneId zone) {

        boolean test(Technician t) {
            return t.active()
                    && t.skilledFor(productLine, kind)
                    && t.hasCapacity()
                    && !excluded.contains(t.technicianId())
                    && !t.technicianId().equals(subject)
                    && unavailable(t) == null;
        }

        /** Why an otherwise suitable technician cannot be sent now; null when they can. */
        String unavailable(Technician t) {
            return now == null ? null : t.availability().unavailableAt(now, zone);
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
            ServicePointType type,
            Site site,
            double maxKm,
            Fit available,
            Installation installation,
            List<String> why) {
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
            leastLoaded(
                            technicians.ofDealer(point.servicePointId()),
                            available,
                            installation == null ? null : installation.installerId(),
                            why)
                    .ifPresent(t -> candidates.add(new Candidate(point, t, distance, closeness)));
        }
        // Measured distances first, nearest first; then by region code, closest first.
        return candidates.stream()
                .min(Comparator.comparing((Candidate c) -> c.distanceKm() == null ? 1 : 0)
                        .thenComparing(c -> c.distanceKm() == null ? 0.0 : c.distanceKm())
                        .thenComparing(c -> -c.closeness())
                        .thenComparing(c -> c.point().servicePointId()));
    }

    /**
     * The least-loaded fit technician of {@code staff} other than the installer (tried before); those
     * who would fit but are on leave or off duty now are named in {@code why}.
     */
    private static Optional<Technician> leastLoaded(
            List<Technician> staff, Fit available, String installerId, List<String> why) {
        var others = staff.stream()
                .filter(t -> !t.technicianId().equals(installerId))
                .sorted(LEAST_LOADED)
                .toList();
        for (var t : others) {
            var away = available.unavailable(t);
            if (away != null
                    && t.active()
                    && t.skilledFor(available.productLine(), available.kind())
                    && !available.excluded().contains(t.technicianId())
                    && !t.technicianId().equals(available.subject())) {
                why.add("technician " + t.technicianId() + " " + away);
            }
        }
        return others.stream().filter(available::test).findFirst();
    }

    private static String installedBy(Installation installation) {
        var reason = "original installer of " + installation.serialNumber();
        return installation.installedOn() == null ? reason : reason + " (installed " + installation.installedOn() + ")";
    }

    private static String forWhat(String productLine, String kind) {
        var what = new ArrayList<String>();
        if (productLine != null) {
            what.add(productLine);
        }
        if (kind != null) {
            what.add(kind);
        }
        return what.isEmpty() ? "" : " for " + String.join(" ", what);
    }

    /** Null when the installer is available. */
    private static String whyNotTheInstaller(Installation installation, Optional<Technician> installer, Fit available) {
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
        if (t.technicianId().equals(available.subject())) {
            return who + " is whom this case is about";
        }
        if (available.excluded().contains(t.technicianId())) {
            return who + " already passed on this case";
        }
        if (!t.skilledFor(available.productLine(), available.kind())) {
            return who + " not skilled" + forWhat(installation.productLine(), available.kind());
        }
        var away = available.unavailable(t);
        if (away != null) {
            return who + " " + away;
        }
        if (!t.hasCapacity()) {
            return who + " at capacity (" + t.openAssignments() + "/" + t.dailyCapacity() + ")";
        }
        return null;
    }
}
