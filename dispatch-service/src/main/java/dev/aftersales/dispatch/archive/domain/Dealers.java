package dev.aftersales.dispatch.archive.domain;

/** The dealers of the archive. */
public interface Dealers {

    /** Creates or replaces the dealer with this id. */
    void upsert(Dealer dealer);
}
