package dev.aftersales.followup.casefile.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Follow-up's case files, by complaint id. */
public interface CaseFiles {

    Optional<CaseFile> find(String complaintId);

    /** Inserts or saves with the optimistic lock on its version; a concurrent change fails. */
    void save(CaseFile file);

    /**
     * Case files with a visit completed in {@code [from, until)} (and perhaps others outside it: the
     * caller checks each visit).
     */
    List<CaseFile> withVisitCompletedBetween(Instant from, Instant until);
}
