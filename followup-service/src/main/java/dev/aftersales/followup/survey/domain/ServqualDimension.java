package dev.aftersales.followup.survey.domain;

/** SERVQUAL's five dimensions of service quality. */
public enum ServqualDimension {
    RELIABILITY,
    RESPONSIVENESS,
    ASSURANCE,
    EMPATHY,
    TANGIBLES
}
