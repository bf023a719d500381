package dev.aftersales.followup.returncall.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.aftersales.chassis.paging.Keyset;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.followup.returncall.application.ListReturnCalls;
import dev.aftersales.followup.returncall.application.ReturnCallPages;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The return-call lists read from {@code return_calls} a page at a time: status, then the agent when
 * named, then (scheduledAt, _id); the due window is a range read within that order.
 */
@Component
class MongoReturnCallPages implements ReturnCallPages {

    private static final String SCHEDULED_AT = "scheduledAt";
    private static final String DUE_AT = "dueAt";

    private final MongoTemplate mongo;

    MongoReturnCallPages(MongoTemplate mongo) {
        this.mongo = mongo;
        // For MongoDB proper (the embedded store ignores non-unique indexes): equality, the order, then the
        // due window, which is read within the order.
        mongo.indexOps(ReturnCallDocument.class)
                .createIndex(new Index()
                        .on("status", Sort.Direction.ASC)
                        .on(SCHEDULED_AT, Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC)
                        .on(DUE_AT, Sort.Direction.ASC));
        mongo.indexOps(ReturnCallDocument.class)
                .createIndex(new Index()
                        .on("status", Sort.Direction.ASC)
                        .on("agentId", Sort.Direction.ASC)
                        .on(SCHEDULED_AT, Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC)
                        .on(DUE_AT, Sort.Direction.ASC));
    }

    @Override
    public List<ReturnCall> matching(ListReturnCalls.Filter filter, PageRequest page) {
        var criteria = where("status").is(filter.status());
        if (filter.agent() != null) {
            if (filter.orUntried()) {
                // a call nobody tried has no agentId: {$in: [agent, null]} matches it too
                criteria.and("agentId").in(filter.agent(), null);
            } else {
                criteria.and("agentId").is(filter.agent());
            }
        }
        if (filter.dueFrom() != null || filter.dueBefore() != null) {
            var due = criteria.and(DUE_AT);
            if (filter.dueFrom() != null) {
                due.gte(filter.dueFrom());
            }
            if (filter.dueBefore() != null) {
                due.lt(filter.dueBefore());
            }
        }
        return mongo
                .find(Keyset.query(criteria, SCHEDULED_AT, Sort.Direction.ASC, page), ReturnCallDocument.class)
                .stream()
                .map(ReturnCallDocument::toReturnCall)
                .toList();
    }
}
