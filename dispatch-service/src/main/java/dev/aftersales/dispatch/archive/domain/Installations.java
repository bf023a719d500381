package dev.aftersales.dispatch.archive.domain;

import java.util.List;
import java.util.Optional;

/** The installation records of the archive, one per machine. */
public interface Installations {

    /** Creates or replaces the record of this serial number. */
    void upsert(Installation installation);

    /** Creates or replaces the records of these serial numbers, in one round trip. */
    void upsertAll(List<Installation> installations);

    Optional<Installation> bySerialNumber(String serialNumber);
}
