package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An installation date from the future would stretch the warranty. Today is the business day (the
 * configured business time zone); a day of slack covers callers in other zones.
 */
final class InstallationDates {

    private InstallationDates() {}

    static Optional<FieldProblem> futureDate(LocalDate installedOn, Clock clock, ZoneId businessZone) {
        return installedOn != null
                        && installedOn.isAfter(today(clock, businessZone).plusDays(1))
                ? Optional.of(new FieldProblem("installedOn", "must not be in the future"))
                : Optional.empty();
    }

    static LocalDate today(Clock clock, ZoneId businessZone) {
        return LocalDate.ofInstant(clock.instant(), businessZone);
    }
}
