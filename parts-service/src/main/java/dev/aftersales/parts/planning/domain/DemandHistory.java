package dev.aftersales.parts.planning.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Installed machines per model and dealer, and parts used per model, as recorded from dispatch's events. */
public interface DemandHistory {

    /** Inserts or replaces the machine's installation (by serial number). */
    void installed(String serialNumber, String model, String dealerId);

    /** Records units of a part used on a machine; {@code key} makes a redelivery record nothing new. */
    void used(String key, String serialNumber, String partNumber, int quantity, Instant at);

    Map<String, Integer> usedByModel(String partNumber, Instant since);

    /** Machines installed network-wide of each of {@code models} (those with none left out). */
    Map<String, Integer> installedByModel(Set<String> models);

    Map<String, Integer> installedByModel(String dealerId);
}
