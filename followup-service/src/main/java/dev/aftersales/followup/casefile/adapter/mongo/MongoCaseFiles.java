package dev.aftersales.followup.casefile.adapter.mongo;

import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Case files in the {@code case_files} collection; reads are by id except the quality report's scan. */
@Component
class MongoCaseFiles implements CaseFiles {

    private final CaseFileDocuments documents;

    MongoCaseFiles(CaseFileDocuments documents) {
        this.documents = documents;
    }

    @Override
    public Optional<CaseFile> find(String complaintId) {
        return documents.findById(complaintId).map(CaseFileDocument::toCaseFile);
    }

    @Override
    public void save(CaseFile file) {
        documents.save(CaseFileDocument.of(file));
    }

    @Override
    public List<CaseFile> all() {
        return documents.findAll().stream().map(CaseFileDocument::toCaseFile).toList();
    }
}
