package dev.aftersales.dispatch.archive.domain;

import java.time.LocalDate;

/** The last days of a machine's warranties; null when the installation date is unknown. */
public record Warranty(LocalDate wholeMachineUntil, LocalDate mainPartsUntil) {

    public boolean wholeMachineCovers(LocalDate day) {
        return wholeMachineUntil != null && !day.isAfter(wholeMachineUntil);
    }

    public boolean mainPartsCover(LocalDate day) {
        return mainPartsUntil != null && !day.isAfter(mainPartsUntil);
    }
}
