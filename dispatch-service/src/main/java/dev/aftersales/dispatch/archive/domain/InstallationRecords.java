package dev.aftersales.dispatch.archive.domain;

import java.util.Optional;

/** Installations reported through the API, with the event that announced them. */
public interface InstallationRecords {

    /** @return false when a record with this id exists already: nothing was written */
    boolean add(InstallationRecord record);

    Optional<InstallationRecord> byId(String id);
}
