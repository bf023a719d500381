package dev.aftersales.dispatch.archive.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installation facts of the archive, one per machine: what the rule chain reads. Imports only
 * add machines; an archived machine changes through a correction of its {@link InstallationRecord}.
 */
public interface Installations {

    /** Adds the machine unless its serial number is archived already (then it is left as it is). */
    void add(Installation installation);

    /** {@link #add} for many machines, in one round trip. */
    void addAll(List<Installation> installations);

    Optional<Installation> bySerialNumber(String serialNumber);

    /** The archived ones of these machines, by serial number, in one round trip where the store allows. */
    default Map<String, Installation> bySerialNumbers(Collection<String> serialNumbers) {
        var found = new HashMap<String, Installation>();
        for (var serial : serialNumbers) {
            bySerialNumber(serial).ifPresent(installation -> found.put(serial, installation));
        }
        return found;
    }
}
