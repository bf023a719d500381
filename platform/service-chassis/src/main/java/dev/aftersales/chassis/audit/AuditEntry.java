package dev.aftersales.chassis.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audited act.
 *
 * @param action what was done, from a small fixed set (e.g. {@code dead-letter.payload-read}): it is a
 *     metric tag
 * @param actor the token subject of who did it
 * @param subject what it was done to, by id (e.g. {@code <topic>/<partition>/<offset>}); never a
 *     name, phone number or address
 * @param details facts about the act, by name; ids and counts only, never personal data
 * @param at when it was done
 */
public record AuditEntry(String action, String actor, String subject, Map<String, String> details, Instant at) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        // Sorted, so that the log line of an entry reads the same every time.
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
