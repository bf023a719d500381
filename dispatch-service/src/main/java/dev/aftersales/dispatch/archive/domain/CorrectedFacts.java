package dev.aftersales.dispatch.archive.domain;

import java.time.LocalDate;

/**
 * What a correction says the record should read; a null part is left as it is. The customer and
 * the site are replaced whole (a field missing from them becomes unknown), so a correction never
 * mixes an old address with a new region.
 */
public record CorrectedFacts(String installerId, LocalDate installedOn, CustomerContact customer, Site site) {

    public boolean isEmpty() {
        return installerId == null && installedOn == null && customer == null && site == null;
    }
}
