package dev.aftersales.intake.caller.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * The warranty when the archive did not say (domain.md: the national rule for air conditioners,
 * whole machine 1 year, main parts 3 years). The last covered day is the day before the
 * anniversary of the installation.
 */
public record WarrantyPolicy(Period wholeMachine, Period mainParts) {

    public static final WarrantyPolicy DEFAULT = new WarrantyPolicy(Period.ofYears(1), Period.ofYears(3));

    public LocalDate wholeMachineUntil(LocalDate installedOn) {
        return installedOn.plus(wholeMachine).minusDays(1);
    }

    public LocalDate mainPartsUntil(LocalDate installedOn) {
        return installedOn.plus(mainParts).minusDays(1);
    }
}
