package dev.aftersales.dispatch.archive.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a technician can be sent: not on leave, and within their working hours. Dates and hours are
 * business-calendar values, read in the business time zone. Absent values mean no limit.
 *
 * @param leaveFrom first day of leave (inclusive); null when no leave is planned
 * @param leaveUntil last day of leave (inclusive)
 * @param workStart start of the working day; with {@code workEnd}, the hours the chain may send them
 * @param workEnd end of the working day (exclusive); before {@code workStart} for a shift past midnight
 */
public record Availability(LocalDate leaveFrom, LocalDate leaveUntil, LocalTime workStart, LocalTime workEnd) {

    public static final Availability ALWAYS = new Availability(null, null, null, null);

    /** Null when the technician can be sent at {@code now}; else why not, in the dispatcher's words. */
    public String unavailableAt(Instant now, ZoneId zone) {
        var local = now.atZone(zone);
        var today = local.toLocalDate();
        if (leaveFrom != null && leaveUntil != null && !today.isBefore(leaveFrom) && !today.isAfter(leaveUntil)) {
            return "on leave until " + leaveUntil;
        }
        if (workStart != null && workEnd != null && !withinHours(local.toLocalTime())) {
            return "outside working hours (" + workStart + "–" + workEnd + ")";
        }
        return null;
    }

    private boolean withinHours(LocalTime time) {
        if (workStart.isBefore(workEnd)) {
            return !time.isBefore(workStart) && time.isBefore(workEnd);
        }
        return !time.isBefore(workStart) || time.isBefore(workEnd);
    }
}
