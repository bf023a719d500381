package dev.aftersales.dispatch.archive.domain;

import java.util.Optional;

/** The installation records of the archive, one per machine. */
public interface Installations {

    /** Creates or replaces the record of this serial number. */
    void upsert(Installation installation);

    Optional<Installation> bySerialNumber(String serialNumber);
}
