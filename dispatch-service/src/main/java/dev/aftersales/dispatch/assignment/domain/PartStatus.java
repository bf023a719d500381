package dev.aftersales.dispatch.assignment.domain;

public enum PartStatus {
    REQUESTED,
    RESERVED,
    BACKORDERED
}
