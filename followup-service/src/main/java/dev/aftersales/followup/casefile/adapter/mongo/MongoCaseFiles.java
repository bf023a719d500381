package dev.aftersales.followup.casefile.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Case files in the {@code case_files} collection; reads are by id except the quality report's, by the period its visits completed in. */
@Component
class MongoCaseFiles implements CaseFiles {

    private static final String VISIT_COMPLETED_AT = "visits.completedAt";

    private final CaseFileDocuments documents;
    private final MongoTemplate mongo;

    MongoCaseFiles(CaseFileDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        this.mongo = mongo;
        // For MongoDB proper (the embedded store ignores non-unique indexes): the quality report's period
        mongo.indexOps(CaseFileDocument.class).createIndex(new Index(VISIT_COMPLETED_AT, Sort.Direction.ASC));
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
    public List<CaseFile> withVisitCompletedBetween(Instant from, Instant until) {
        // on an array a range's two bounds may hold for two different visits: ReportFaults checks each visit
        var query = query(where(VISIT_COMPLETED_AT).gte(from).lt(until));
        return mongo.find(query, CaseFileDocument.class).stream()
                .map(CaseFileDocument::toCaseFile)
                .toList();
    }
}
