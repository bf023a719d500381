package dev.aftersales.chassis.archfixture.bad.ticketing.domain;

/** A store port. */
public interface Tickets {
    String find(String id);
}
