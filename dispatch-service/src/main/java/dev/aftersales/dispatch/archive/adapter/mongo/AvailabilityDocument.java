package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.Availability;
import java.time.LocalDate;
import java.time.LocalTime;

/** A technician's leave and working hours as stored: calendar values as ISO strings, like every date of the archive. */
record AvailabilityDocument(String leaveFrom, String leaveUntil, String workStart, String workEnd) {

    Availability toAvailability() {
        return new Availability(
                leaveFrom == null ? null : LocalDate.parse(leaveFrom),
                leaveUntil == null ? null : LocalDate.parse(leaveUntil),
                workStart == null ? null : LocalTime.parse(workStart),
                workEnd == null ? null : LocalTime.parse(workEnd));
    }
}
