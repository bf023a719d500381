package dev.aftersales.dispatch.assignment.adapter.mongo;

import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Assignments in the {@code assignments} collection. New ones are inserted (never upserted), so
 * the unique {@code _id} is what makes "one assignment per complaint" hold across redeliveries,
 * restarts and instances. Changes are optimistic saves on {@code {_id, version}}.
 */
@Component
class MongoAssignments implements Assignments {

    private final AssignmentDocuments documents;

    MongoAssignments(AssignmentDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        // For MongoDB proper; the embedded store does not implement non-unique indexes and says so in a warning.
        var indexes = mongo.indexOps(AssignmentDocument.class);
        indexes.createIndex(new Index("technicianId", Sort.Direction.ASC));
        indexes.createIndex(new Index("status", Sort.Direction.ASC));
    }

    @Override
    public boolean add(Assignment assignment) {
        try {
            documents.insert(AssignmentDocument.of(assignment));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Assignment save(Assignment assignment) {
        return documents.save(AssignmentDocument.of(assignment)).toAssignment();
    }

    @Override
    public Optional<Assignment> byId(String assignmentId) {
        return documents.findById(assignmentId).map(AssignmentDocument::toAssignment);
    }

    @Override
    public List<Assignment> ofTechnician(String technicianId) {
        return documents.findByTechnicianIdOrderByDecidedAtAsc(technicianId).stream()
                .map(AssignmentDocument::toAssignment)
                .toList();
    }

    @Override
    public List<Assignment> withStatus(AssignmentStatus status) {
        return documents.findByStatusOrderByDecidedAtAsc(status).stream()
                .map(AssignmentDocument::toAssignment)
                .toList();
    }
}
