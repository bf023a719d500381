package dev.aftersales.dispatch.archive.domain;

public enum ServicePointType {
    /** An authorized service point near the customer (rule 3). */
    SERVICE_POINT,
    /** The regional service centre of a province (rule 4). */
    REGIONAL_CENTRE
}
