package dev.aftersales.followup.care.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.aftersales.chassis.paging.Keyset;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.followup.care.application.CarePages;
import dev.aftersales.followup.care.domain.CareTask;
import dev.aftersales.followup.care.domain.Customer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The care lists read from {@code customers}. A care task lives inside its customer's document, so the
 * task list unwinds the customers that have tasks (index {@code tasksCreated}) and pages the tasks
 * themselves; the silent list pages customers by their index {@code (lastContactAt, _id)}.
 */
@Component
class MongoCarePages implements CarePages {

    private static final String COLLECTION = "customers";
    private static final String CREATED_AT = "createdAt";
    private static final String LAST_CONTACT_AT = "lastContactAt";

    private final MongoTemplate mongo;

    MongoCarePages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<CareTask> tasks(Instant dueFrom, Instant dueBefore, PageRequest page) {
        var filter = new Criteria();
        if (dueFrom != null || dueBefore != null) {
            filter = where("dueAt");
            if (dueFrom != null) {
                filter.gte(dueFrom);
            }
            if (dueBefore != null) {
                filter.lt(dueBefore);
            }
        }
        var keyset = Keyset.query(filter, CREATED_AT, Sort.Direction.ASC, page);
        var pipeline = List.of(
                new Document("$match", new Document("tasksCreated", new Document("$gt", 0))),
                new Document("$unwind", "$tasks"),
                new Document(
                        "$project",
                        new Document("_id", "$tasks._id")
                                .append("customerId", "$tasks.customerId")
                                .append("kind", "$tasks.kind")
                                .append("dueAt", "$tasks.dueAt")
                                .append(CREATED_AT, "$tasks.createdAt")),
                new Document("$match", keyset.getQueryObject()),
                new Document("$sort", keyset.getSortObject()),
                new Document("$limit", keyset.getLimit()));
        var tasks = new ArrayList<CareTask>();
        for (var row : mongo.getCollection(COLLECTION).aggregate(pipeline)) {
            tasks.add(new CareTask(
                    row.getString("_id"),
                    row.getString("customerId"),
                    row.getString("kind"),
                    instant(row.get("dueAt")),
                    instant(row.get(CREATED_AT))));
        }
        return tasks;
    }

    @Override
    public List<Customer> silentSince(Instant cutoff, PageRequest page) {
        return mongo
                .find(
                        Keyset.query(where(LAST_CONTACT_AT).lte(cutoff), LAST_CONTACT_AT, Sort.Direction.ASC, page),
                        CustomerDocument.class)
                .stream()
                .map(CustomerDocument::toCustomer)
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : (Instant) value;
    }
}
