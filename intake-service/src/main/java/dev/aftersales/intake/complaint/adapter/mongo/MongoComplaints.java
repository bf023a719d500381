package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Complaints in the {@code complaints} collection, one document per case. Reads and writes go by
 * {@code _id} (and {@code _id, version} for optimistic updates), both indexed; the list queries
 * (open case of a machine, SLA sweep, supervisor's list) filter on stored derived fields.
 */
@Component
class MongoComplaints implements Complaints {

    private final ComplaintDocuments documents;
    private final MongoTemplate mongo;

    MongoComplaints(ComplaintDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        this.mongo = mongo;
    }

    @Override
    public Optional<Complaint> find(String complaintId) {
        return documents.findById(complaintId).map(ComplaintDocument::toComplaint);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    @Override
    public void add(Complaint complaint) {
        documents.insert(ComplaintDocument.of(complaint));
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when the case changed since it was read */
    @Override
    public void update(Complaint complaint) {
        documents.save(ComplaintDocument.of(complaint));
    }

    @Override
    public List<Complaint> openBySerialNumber(String serialNumber) {
        var query = Query.query(Criteria.where("serialNumber")
                        .is(serialNumber)
                        .and("status")
                        .ne(ComplaintStatus.CLOSED.name()))
                .with(Sort.by("registeredAt"));
        return mongo.find(query, ComplaintDocument.class).stream()
                .map(ComplaintDocument::toComplaint)
                .toList();
    }

    @Override
    public List<String> slaDueBy(Instant now, int limit) {
        var query = Query.query(Criteria.where("nextSlaDue").lte(now))
                .with(Sort.by("nextSlaDue"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "complaints").stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    @Override
    public List<Complaint> unanswered(int limit) {
        var query = Query.query(
                        Criteria.where("answered").is(false).and("status").ne(ComplaintStatus.CLOSED.name()))
                .with(Sort.by("registeredAt"))
                .limit(limit);
        return mongo.find(query, ComplaintDocument.class).stream()
                .map(ComplaintDocument::toComplaint)
                .toList();
    }
}
