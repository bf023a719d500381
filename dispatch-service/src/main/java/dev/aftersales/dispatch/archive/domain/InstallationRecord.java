package dev.aftersales.dispatch.archive.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A new installation reported through the API: what was published about it. One per serial number
 * and installation day ({@link #idFor}), so a repeated report publishes nothing new.
 */
public final class InstallationRecord {

    private final String id;
    private final InstallationRecorded recorded;
    private final Long version;
    private final AggregateEvents events;

    private InstallationRecord(String id, InstallationRecorded recorded, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id);
        this.recorded = recorded;
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    public static String idFor(String serialNumber, LocalDate installedOn) {
        return "INS-" + serialNumber + "-" + installedOn;
    }

    /** Raises {@link InstallationRecorded}, keyed by serial number. */
    public static InstallationRecord record(InstallationRecorded recorded) {
        var record = new InstallationRecord(
                idFor(recorded.serialNumber(), recorded.installedOn()), recorded, null, new AggregateEvents());
        record.events.raise(recorded, recorded.serialNumber());
        return record;
    }

    public static InstallationRecord restore(
            String id, InstallationRecorded recorded, Long version, AggregateEvents events) {
        return new InstallationRecord(id, recorded, version, events);
    }

    public String id() {
        return id;
    }

    public InstallationRecorded recorded() {
        return recorded;
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
