package dev.aftersales.parts.stock.application;

import java.util.List;
import java.util.Optional;

/**
 * {@link ImportStock}'s record of bulk stock imports by import id, so that the same import sent again changes nothing: units
 * consumed since the first time must not come back because a file was uploaded twice. Import ids
 * belong to their owner (a dealer, or operations): one owner's id neither answers another owner's
 * import nor blocks it.
 */
public interface StockImports {

    /** One row of an import that was written: its number in the file (1 = first data row) and the line set. */
    record AcceptedRow(int row, String locationId, String partNumber, int onHand) {}

    /** One row that was refused: its number, the field at fault and why. */
    record RejectedRow(int row, String field, String message) {}

    /** What an import did. */
    record Report(String importId, List<AcceptedRow> accepted, List<RejectedRow> rejected) {

        public Report {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }
    }

    /**
     * Claims the import id for a first run (a unique insert: of two concurrent uploads one wins).
     *
     * @return false when the id was claimed before
     */
    boolean begin(String owner, String importId, String userId);

    /** The report of an import that ran to the end; empty while it is still running (or never ran). */
    Optional<Report> find(String owner, String importId);

    void finish(String owner, Report report);
}
