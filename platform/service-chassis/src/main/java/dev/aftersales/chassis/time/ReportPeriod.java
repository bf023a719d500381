package dev.aftersales.chassis.time;

import dev.aftersales.chassis.application.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The business days a report covers, from the {@code from} and {@code to} query parameters (ISO
 * dates, both inclusive, in the business time zone). Without them: the last 30 days up to today. At
 * most {@value #MAX_DAYS} days, so a report reads a bounded slice of history; anything else is a 400
 * naming the parameter.
 */
public record ReportPeriod(LocalDate from, LocalDate to, Instant start, Instant end) {

    public static final int MAX_DAYS = 366;
    /** The years a business record can be about, as for times in request bodies. */
    static final int FIRST_YEAR = 1900;

    static final int LAST_YEAR = 2199;
    static final int DEFAULT_DAYS = 30;

    public static ReportPeriod of(String from, String to, Clock clock, ZoneId zone) {
        var today = LocalDate.ofInstant(clock.instant(), zone);
        var last = to == null || to.isBlank() ? today : date("to", to);
        var first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw new InvalidRequestException("from", "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidRequestException("to", "a period covers at most " + MAX_DAYS + " days");
        }
        return new ReportPeriod(
                first,
                last,
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Whether {@code at} falls on one of the period's days. */
    public boolean covers(Instant at) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    private static LocalDate date(String field, String value) {
        try {
            var date = LocalDate.parse(value.trim());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw new InvalidRequestException(field, "must be a date between " + FIRST_YEAR + " and " + LAST_YEAR);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date like 2026-11-30");
        }
    }
}
