package dev.aftersales.parts.reservation.adapter.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Backorders in the {@code backorders} collection; the unique {@code _id} makes each request's insert happen once. */
@Component
class MongoBackorders implements Backorders {

    private static final List<Backorder.Status> OPEN = List.of(Backorder.Status.WAITING, Backorder.Status.SERVING);

    private static final String COLLECTION = "backorders";
    private static final int DUPLICATE_KEY = 11000;

    private final BackorderDocuments documents;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    MongoBackorders(BackorderDocuments documents, MongoTemplate mongo, OutboxRelay relay) {
        this.documents = documents;
        this.mongo = mongo;
        this.relay = relay;
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

    /**
     * One insert command for all, their events marked for the outbox sweep before it in one write and
     * handed to the relay after it, as a save does ({@code OutboxSaveListener}); unordered, so a
     * backorder stored before (its key taken) leaves the others stored.
     */
    @Override
    public Set<String> addAll(List<Backorder> backorders) {
        if (backorders.isEmpty()) {
            return Set.of();
        }
        var converter = mongo.getConverter();
        var stored = new ArrayList<BackorderDocument>();
        var written = new ArrayList<Document>();
        var pending = new LinkedHashMap<String, List<OutboxEvent>>();
        for (var backorder : backorders) {
            var document = BackorderDocument.of(backorder);
            var bson = new Document();
            converter.write(document, bson);
            bson.put("version", 0L); // as an insert through the template starts it, so versioned saves follow
            stored.add(document);
            written.add(bson);
            pending.put(document.id(), document.outbox().pending());
        }
        relay.mark(COLLECTION, pending);
        var refused = new HashSet<Integer>();
        try {
            mongo.getCollection(COLLECTION).insertMany(written, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        var added = new LinkedHashSet<String>();
        for (int i = 0; i < stored.size(); i++) {
            if (!refused.contains(i)) {
                var document = stored.get(i);
                relay.enqueue(COLLECTION, document.id(), document.outbox().pending());
                added.add(document.id());
            }
        }
        return added;
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
