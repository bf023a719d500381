package dev.aftersales.followup.returncall.adapter.mongo;

import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Return calls in the {@code return_calls} collection. The due-list filter ({@code status} and a
 * range on {@code dueAt}) scans the whole collection on the embedded store, which uses an index
 * only when the filter's fields equal an index's fields with plain values; fine while calls number
 * in the thousands. Production MongoDB would serve it from a {@code {status: 1, dueAt: 1}} index;
 * a timer document claimed by a guarded update is the way once calls are to be fired, not listed.
 */
@Component
class MongoReturnCalls implements ReturnCalls {

    private static final Sort OLDEST_FIRST = Sort.by("dueAt", "id");

    private final ReturnCallDocuments documents;

    MongoReturnCalls(ReturnCallDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        // For MongoDB proper (the embedded store ignores non-unique indexes): a return call per closed case.
        // the calls in one status, oldest due first: the due list, the unreachable list and the due gauges
        mongo.indexOps(ReturnCallDocument.class)
                .createIndex(new Index()
                        .on("status", Sort.Direction.ASC)
                        .on("dueAt", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC));
    }

    @Override
    public Optional<ReturnCall> find(String id) {
        return documents.findById(id).map(ReturnCallDocument::toReturnCall);
    }

    @Override
    public boolean add(ReturnCall call) {
        try {
            documents.insert(ReturnCallDocument.of(call));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void save(ReturnCall call) {
        documents.save(ReturnCallDocument.of(call));
    }

    @Override
    public List<ReturnCall> unreachable() {
        return documents.findByCallStatus(ReturnCallStatus.UNREACHABLE, OLDEST_FIRST).stream()
                .map(ReturnCallDocument::toReturnCall)
                .toList();
    }

    @Override
    public List<ReturnCall> dueBy(Instant deadline) {
        return documents
                .findByCallStatusAndCallDueAtLessThanEqual(ReturnCallStatus.DUE, deadline, OLDEST_FIRST)
                .stream()
                .map(ReturnCallDocument::toReturnCall)
                .toList();
    }
}
