package dev.aftersales.dispatch.archive.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.archive.application.SetAvailability;
import dev.aftersales.dispatch.archive.domain.Availability;
import dev.aftersales.dispatch.archive.domain.Technician;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A technician's leave and working hours (business-calendar dates and times, read in the business
 * time zone), set by a dispatcher for anyone or by a technician for themself.
 */
@RestController
@RequestMapping("/api/technicians/{technicianId}/availability")
@PreAuthorize("hasAnyRole('DISPATCHER','TECHNICIAN')")
class TechnicianAvailabilityController {

    /** Leave from and until (inclusive days); working hours start and end ("08:30", "18:00"). Absent: none. */
    record AvailabilityBody(LocalDate leaveFrom, LocalDate leaveUntil, LocalTime workStart, LocalTime workEnd) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AvailabilityView(
            String technicianId, LocalDate leaveFrom, LocalDate leaveUntil, LocalTime workStart, LocalTime workEnd) {

        static AvailabilityView of(Technician t) {
            var a = t.availability();
            return new AvailabilityView(t.technicianId(), a.leaveFrom(), a.leaveUntil(), a.workStart(), a.workEnd());
        }
    }

    private final SetAvailability setAvailability;
    private final CurrentUser currentUser;

    TechnicianAvailabilityController(SetAvailability setAvailability, CurrentUser currentUser) {
        this.setAvailability = setAvailability;
        this.currentUser = currentUser;
    }

    @PutMapping
    AvailabilityView set(@PathVariable String technicianId, @RequestBody AvailabilityBody body) {
        var availability = new Availability(body.leaveFrom(), body.leaveUntil(), body.workStart(), body.workEnd());
        return AvailabilityView.of(setAvailability.set(technicianId, availability, currentUser.caller()));
    }
}
