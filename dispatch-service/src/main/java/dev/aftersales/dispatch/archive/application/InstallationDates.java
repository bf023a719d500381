package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** An installation date from the future would stretch the warranty; a day of slack covers time zones. */
final class InstallationDates {

    private InstallationDates() {}

    static Optional<FieldProblem> futureDate(LocalDate installedOn, Clock clock) {
        return installedOn != null && installedOn.isAfter(LocalDate.now(clock).plusDays(1))
                ? Optional.of(new FieldProblem("installedOn", "must not be in the future"))
                : Optional.empty();
    }
}
