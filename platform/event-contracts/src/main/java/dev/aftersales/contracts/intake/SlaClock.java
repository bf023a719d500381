package dev.aftersales.contracts.intake;

/** The service-level promises each case is measured against (domain.md, service levels). */
public enum SlaClock {
    FIRST_ANSWER,
    ON_SITE,
    RESOLUTION
}
