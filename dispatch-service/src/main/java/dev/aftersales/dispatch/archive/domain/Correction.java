package dev.aftersales.dispatch.archive.domain;

import dev.aftersales.contracts.dispatch.InstallationPart;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a record's correction history: who changed what, when, why, and each field's value
 * before and after. The customer's name and phone are not kept in the archive, so a correction of
 * them shows as the part CUSTOMER without a field change of its own.
 *
 * @param number 1 for a record's first correction, then 2, 3 … (the revision it made)
 */
public record Correction(
        int number,
        String correctedBy,
        Instant correctedAt,
        String reason,
        List<InstallationPart> parts,
        List<Change> changes) {

    public Correction {
        parts = List.copyOf(parts);
        changes = List.copyOf(changes);
    }

    /** A field of the record, e.g. {@code installerId} or {@code site.address}, and its two values. */
    public record Change(String field, String before, String after) {}
}
