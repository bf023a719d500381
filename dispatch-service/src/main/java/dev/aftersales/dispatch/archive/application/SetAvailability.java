package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.dispatch.archive.domain.Availability;
import dev.aftersales.dispatch.archive.domain.Technician;
import dev.aftersales.dispatch.archive.domain.Technicians;
import java.time.Period;
import java.util.ArrayList;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A technician's leave and working hours, set by a dispatcher or by the technician themself (their
 * own only); the rule chain passes them by while on leave or off duty, and says so. The whole
 * availability is replaced: leaving a part out clears it.
 */
@Service
public class SetAvailability {

    static final Period LONGEST_LEAVE = Period.ofYears(1);

    private final Technicians technicians;

    SetAvailability(Technicians technicians) {
        this.technicians = technicians;
    }

    public Technician set(String technicianId, Availability availability, Caller caller) {
        if (!caller.has(Role.DISPATCHER) && !caller.isTechnician(technicianId)) {
            throw new AccessDeniedException("a technician sets their own availability only");
        }
        var problems = new ArrayList<FieldProblem>();
        if ((availability.leaveFrom() == null) != (availability.leaveUntil() == null)) {
            problems.add(new FieldProblem(
                    availability.leaveFrom() == null ? "leaveFrom" : "leaveUntil",
                    "leave needs both its first and its last day"));
        } else if (availability.leaveFrom() != null && availability.leaveUntil().isBefore(availability.leaveFrom())) {
            problems.add(new FieldProblem("leaveUntil", "must not be before leaveFrom"));
        } else if (availability.leaveFrom() != null
                && availability.leaveUntil().isAfter(availability.leaveFrom().plus(LONGEST_LEAVE))) {
            // Longer than that, the technician has left: a dispatcher sets them inactive in the archive.
            problems.add(new FieldProblem("leaveUntil", "leave may last at most a year"));
        }
        if ((availability.workStart() == null) != (availability.workEnd() == null)) {
            problems.add(new FieldProblem(
                    availability.workStart() == null ? "workStart" : "workEnd",
                    "working hours need both a start and an end"));
        } else if (availability.workStart() != null && availability.workStart().equals(availability.workEnd())) {
            problems.add(new FieldProblem("workEnd", "must differ from workStart"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        // Looked up first, so that a refusal writes nothing, not even an update that matches nothing.
        if (technicians.byId(technicianId).isEmpty() || !technicians.setAvailability(technicianId, availability)) {
            throw new NotFoundException("no technician " + technicianId);
        }
        return technicians.byId(technicianId).orElseThrow();
    }
}
