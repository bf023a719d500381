package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.application.RecordInstallation;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.ChargeNotConsentedException;
import dev.aftersales.dispatch.assignment.domain.EarlierVisit;
import dev.aftersales.dispatch.assignment.domain.Visit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The technician reports the visit done. Completing twice is refused (409); two completions racing
 * each other are settled by the optimistic save, so {@code VisitCompleted} is raised once and the
 * technician's load drops once.
 */
@Service
public class CompleteVisit {

    static final Duration REPEAT_WINDOW = EarlierVisit.REPEAT_WINDOW;

    /** A charge above the quote that neither a customer's code nor a hotline agent's call covers. */
    public static final URI FEE_CONSENT_REQUIRED = URI.create("urn:aftersales:problem:fee-consent-required");

    private static final Logger log = LoggerFactory.getLogger(CompleteVisit.class);

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Technicians technicians;
    private final Clock clock;
    private final AssignmentMetrics metrics;
    private final Installations installations;
    private final ZoneId businessZone;

    CompleteVisit(
            Assignments assignments,
            OwnAssignments own,
            Technicians technicians,
            Clock clock,
            AssignmentMetrics metrics,
            Installations installations,
            DispatchProperties properties) {
        this.installations = installations;
        this.businessZone = properties.businessZone();
        this.assignments = assignments;
        this.own = own;
        this.technicians = technicians;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * An installation of a machine the archive did not know reports the machine (its real serial,
     * the day installed, the site), which must still be new to the archive; a relocation reports
     * where the machine stands now. Other visits report neither.
     */
    private void requireWhatTheArchiveNeeds(Assignment assignment, CompleteVisitCommand command, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        var installed = command.installed();
        if (assignment.installation() != null) {
            if (installed == null) {
                problems.add(new FieldProblem("installed", "an installation reports the machine installed"));
            } else {
                if (installed.serialNumber().startsWith("NEW-")) {
                    problems.add(
                            new FieldProblem("installed.serialNumber", "must be the machine's real serial number"));
                }
                if (installed.installedOn().isAfter(LocalDate.ofInstant(now, businessZone))) {
                    problems.add(new FieldProblem("installed.installedOn", "must not be in the future"));
                }
            }
        } else if (installed != null) {
            problems.add(
                    new FieldProblem("installed", "only the installation of a machine new to the archive reports it"));
        }
        var relocation = assignment.kind() == ComplaintKind.RELOCATION;
        if (relocation && command.relocatedTo() == null) {
            problems.add(new FieldProblem("relocatedTo", "a relocation reports where the machine stands now"));
        } else if (!relocation && command.relocatedTo() != null) {
            problems.add(new FieldProblem("relocatedTo", "only a relocation moves the machine"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (installed != null
                && installations.bySerialNumber(installed.serialNumber()).isPresent()) {
            throw new ConflictException(
                    RecordInstallation.ALREADY_ARCHIVED,
                    "machine " + installed.serialNumber()
                            + " is in the archive already; a dispatcher corrects its record with a reason");
        }
    }

    /** Another visit to the same machine completed in the 30 days before this one. */
    private boolean visitedWithin30Days(Assignment assignment, Instant now) {
        var since = now.minus(REPEAT_WINDOW);
        return assignments.ofMachine(assignment.serialNumber()).stream()
                .filter(a -> !a.id().equals(assignment.id()))
                .map(Assignment::visit)
                .filter(Objects::nonNull)
                .anyMatch(v -> v.completedAt() != null
                        && !v.completedAt().isBefore(since)
                        && !v.completedAt().isAfter(now));
    }

    public Assignment complete(CompleteVisitCommand command) {
        var assignment = own.get(command.technicianId(), command.assignmentId());
        var now = clock.instant();
        requireWhatTheArchiveNeeds(assignment, command, now);
        if (visitedWithin30Days(assignment, now)) {
            assignment.markRepeatVisit();
        }
        try {
            assignment.complete(new Visit(
                    command.diagnosis(),
                    command.rootCause(),
                    command.partsUsed(),
                    command.feeCharged(),
                    command.fixed(),
                    now,
                    command.installed(),
                    command.relocatedTo()));
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        } catch (ChargeNotConsentedException e) {
            throw new ConflictException(FEE_CONSENT_REQUIRED, e.getMessage());
        }
        var saved = assignments.save(assignment);
        technicians.changeLoad(saved.technicianId(), -1);
        metrics.visitCompleted(command.fixed(), saved.repeatVisit(), saved.dealerId());
        log.info("visit of assignment {} completed, fixed={}", saved.id(), command.fixed());
        return saved;
    }
}
