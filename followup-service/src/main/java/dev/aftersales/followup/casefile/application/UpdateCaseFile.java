package dev.aftersales.followup.casefile.application;

import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Applies one consumed event to its case file, once: the file is created on first mention (events
 * of intake and dispatch come on different topics, in any order) and the event id is recorded in
 * the same save as the change.
 */
@Service
public class UpdateCaseFile {

    private final CaseFiles caseFiles;

    UpdateCaseFile(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** @return the case file after the change (unchanged when the event was applied before) */
    public CaseFile apply(String eventId, String complaintId, Consumer<CaseFile> change) {
        var file = caseFiles.find(complaintId).orElseGet(() -> CaseFile.open(complaintId));
        if (!file.events().firstDelivery(eventId)) {
            return file;
        }
        change.accept(file);
        caseFiles.save(file);
        return file;
    }
}
