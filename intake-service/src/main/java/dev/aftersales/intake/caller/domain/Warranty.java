package dev.aftersales.intake.caller.domain;

import java.time.LocalDate;

/** What is free for a machine on a given day: the whole machine, and its main parts (longer). */
public record Warranty(Cover wholeMachine, Cover mainParts) {

    /**
     * @param until the last day covered, as the archive gave it; null when it gave none
     * @param covered true up to and including that day; false without a day on record
     */
    public record Cover(LocalDate until, boolean covered) {}
}
