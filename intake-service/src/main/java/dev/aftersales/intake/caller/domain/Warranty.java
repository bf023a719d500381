package dev.aftersales.intake.caller.domain;

import java.time.LocalDate;

/** What is free for a machine on a given day: the whole machine, and its main parts (longer). */
public record Warranty(Cover wholeMachine, Cover mainParts) {

    /** @param until the last day covered; {@code covered} is true up to and including that day */
    public record Cover(LocalDate until, boolean covered) {}
}
