package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.intake.complaint.application.CallReceipt;
import dev.aftersales.intake.complaint.application.CallReceipts;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Receipts in {@code call_receipts}, by key ({@code _id}): claiming is an insert, so of two
 * concurrent requests with one key exactly one does the work.
 */
@Component
class MongoCallReceipts implements CallReceipts {

    private final MongoTemplate mongo;

    MongoCallReceipts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean claim(String key, Instant at) {
        try {
            mongo.insert(new CallReceiptDocument(key, at, null, false, null, null, 0));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<CallReceipt> find(String key) {
        return Optional.ofNullable(mongo.findById(key, CallReceiptDocument.class))
                .map(d -> new CallReceipt(
                        d.key(), d.claimedAt(), d.complaintId(), d.newCase(), d.status(), d.priority(), d.callCount()));
    }

    @Override
    public void complete(CallReceipt r) {
        mongo.save(new CallReceiptDocument(
                r.key(), r.claimedAt(), r.complaintId(), r.newCase(), r.status(), r.priority(), r.callCount()));
    }

    @Override
    public void release(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), CallReceiptDocument.class);
    }
}
