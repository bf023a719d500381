package dev.aftersales.parts.stock.adapter.mongo;

import dev.aftersales.parts.stock.application.StockImports;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Imports in the {@code stockImports} collection, {@code _id} = owner and import id; the report is
 * stored when done.
 */
@Component
class MongoStockImports implements StockImports {

    private static final String COLLECTION = "stockImports";

    private final MongoTemplate mongo;

    MongoStockImports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean begin(String owner, String importId, String userId) {
        try {
            mongo.insert(
                    new Document("_id", id(owner, importId))
                            .append("owner", owner)
                            .append("importId", importId)
                            .append("userId", userId),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Report> find(String owner, String importId) {
        var stored = mongo.findById(id(owner, importId), Document.class, COLLECTION);
        if (stored == null || stored.get("report") == null) {
            return Optional.empty();
        }
        return Optional.of(mongo.getConverter().read(Report.class, stored.get("report", Document.class)));
    }

    @Override
    public void finish(String owner, Report report) {
        var document = new Document();
        mongo.getConverter().write(report, document);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id(owner, report.importId()))),
                Update.update("report", document),
                COLLECTION);
    }

    /** The owner's length first, so no owner and id can be read as another pair. */
    private static String id(String owner, String importId) {
        return owner.length() + ":" + owner + ":" + importId;
    }
}
