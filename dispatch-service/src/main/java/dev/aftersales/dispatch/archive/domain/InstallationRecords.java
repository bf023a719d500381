package dev.aftersales.dispatch.archive.domain;

import java.util.List;
import java.util.Optional;

/** The archive's records as aggregates: what reporting and correcting an installation work on. */
public interface InstallationRecords {

    /**
     * Adds a machine not yet in the archive, with its pending events.
     *
     * @return false when the serial number is archived already: nothing was written
     */
    boolean add(InstallationRecord record);

    /**
     * Adds the records whose machines are not yet in the archive, each with its pending events in the
     * same write; an archived machine keeps its record untouched (also when two imports race).
     */
    void addAllNew(List<InstallationRecord> records);

    Optional<InstallationRecord> bySerialNumber(String serialNumber);

    /** Saves a changed record if nobody changed it since it was read; else the store's optimistic-locking error. */
    void save(InstallationRecord record);
}
