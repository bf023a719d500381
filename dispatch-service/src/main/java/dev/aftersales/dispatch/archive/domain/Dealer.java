package dev.aftersales.dispatch.archive.domain;

/** A dealer (经销商): employs technicians and holds the parts stock they draw from. */
public record Dealer(String dealerId, String name, String regionCode) {}
