package dev.aftersales.dispatch.archive.domain;

/** Where a machine is installed. Personal data: never logged. */
public record Site(String address, String regionCode) {}
