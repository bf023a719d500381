package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Backorders in the {@code backorders} collection; the unique {@code _id} makes each request's insert happen once. */
@Component
class MongoBackorders implements Backorders {

    private static final List<Backorder.Status> OPEN = List.of(Backorder.Status.WAITING, Backorder.Status.SERVING);

    private final BackorderDocuments documents;

    MongoBackorders(BackorderDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        // For MongoDB proper; the embedded store ignores non-unique indexes. Backorders grow with every case.
        var indexes = mongo.indexOps(BackorderDocument.class);
        // a part's open backorders, served in line when stock arrives
        indexes.createIndex(new Index().on("partNumber", Direction.ASC).on("status", Direction.ASC));
        // a complaint's open backorders (cancelled when the case closes)
        indexes.createIndex(new Index().on("complaintId", Direction.ASC).on("status", Direction.ASC));
        // an assignment's waiting backorders
        indexes.createIndex(new Index().on("assignmentId", Direction.ASC).on("status", Direction.ASC));
        // the gauges' open backorders: few beside the many served or cancelled
        indexes.createIndex(new Index("status", Direction.ASC));
    }

    @Override
    public boolean exists(String requestId) {
        return documents.existsById(requestId);
    }

    @Override
    public Optional<Backorder> find(String requestId) {
        return documents.findById(requestId).map(BackorderDocument::toBackorder);
    }

    @Override
    public boolean add(Backorder backorder) {
        try {
            documents.insert(BackorderDocument.of(backorder));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Backorder> openFor(String partNumber) {
        return documents.findByBackorderPartNumberAndBackorderStatusIn(partNumber, OPEN).stream()
                .map(BackorderDocument::toBackorder)
                .sorted(Backorder.IN_LINE)
                .toList();
    }

    @Override
    public List<Backorder> openOfComplaint(String complaintId) {
        return documents.findByBackorderComplaintIdAndBackorderStatusIn(complaintId, OPEN).stream()
                .map(BackorderDocument::toBackorder)
                .toList();
    }

    @Override
    public List<Backorder> waitingFor(String assignmentId) {
        return documents.findByBackorderAssignmentIdAndBackorderStatus(assignmentId, Backorder.Status.WAITING).stream()
                .map(BackorderDocument::toBackorder)
                .toList();
    }

    @Override
    public Backorder save(Backorder backorder) {
        return documents.save(BackorderDocument.of(backorder)).toBackorder();
    }
}
