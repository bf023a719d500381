package dev.aftersales.dispatch.archive.domain;

import java.time.Period;

/** How long a model's warranty runs from installation: the whole machine, and its main parts. */
public record WarrantyTerms(Period wholeMachine, Period mainParts) {

    /** Whole machine 1 year, main parts 3 years. */
    public static final WarrantyTerms DEFAULT = new WarrantyTerms(Period.ofYears(1), Period.ofYears(3));
}
