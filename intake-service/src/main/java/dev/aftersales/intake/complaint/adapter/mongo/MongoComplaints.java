package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Complaints in the {@code complaints} collection, one document per case. Reads and writes go by
 * {@code _id} (and {@code _id, version} for optimistic updates), both indexed.
 */
@Component
class MongoComplaints implements Complaints {

    private final ComplaintDocuments documents;

    MongoComplaints(ComplaintDocuments documents) {
        this.documents = documents;
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
}
