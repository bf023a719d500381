package dev.aftersales.chassis.paging;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The store query of one page: a list's filter, continued strictly after the page request's position
 * in (sort field, {@code _id}) order, {@code limit + 1} rows.
 *
 * <p>The continuation is written as {@code {field: {$lte: v}, $or: [{field: {$lt: v}}, {_id: {$lt: id}}]}}
 * (mirrored for ascending order): the outer bound keeps the index range tight on MongoDB proper, and
 * an index on the filter's equality fields, then the sort field, then {@code _id} serves both branches.
 */
public final class Keyset {

    private Keyset() {}

    /**
     * Adds a list's period to its filter: {@code field} from {@code from} (inclusive) to {@code to}
     * (exclusive), a bound left out where it is null.
     *
     * @return {@code filter}
     */
    public static Criteria within(Criteria filter, String field, Instant from, Instant to) {
        if (from != null || to != null) {
            var period = filter.and(field);
            if (from != null) {
                period.gte(from);
            }
            if (to != null) {
                period.lt(to);
            }
        }
        return filter;
    }

    /**
     * @param filter the list's own conditions; must not have a top-level {@code $or}
     * @param field the sort field, whose values the list's {@link Position}s carry
     */
    public static Query query(Criteria filter, String field, Sort.Direction direction, PageRequest request) {
        var document = new Document(filter.getCriteriaObject());
        var after = request.after();
        if (after != null) {
            if (document.containsKey("$or")) {
                throw new IllegalArgumentException("a keyset filter takes no top-level $or");
            }
            boolean descending = direction.isDescending();
            var beyond = descending ? "$lt" : "$gt";
            var value = after.sortValue();
            var existing = document.get(field);
            if (existing != null && !(existing instanceof Document)) {
                // the filter fixes the sort field: only the id orders within it
                document.put("_id", new Document(beyond, after.id()));
            } else {
                // the cursor's value lies within the filter's own bound, so it replaces it
                var bounds = existing == null ? new Document() : new Document((Document) existing);
                bounds.put(descending ? "$lte" : "$gte", value);
                document.put(field, bounds);
                document.put(
                        "$or",
                        List.of(
                                new Document(field, new Document(beyond, value)),
                                new Document("_id", new Document(beyond, after.id()))));
            }
        }
        return new BasicQuery(document).with(Sort.by(direction, field, "_id")).limit(request.limit() + 1);
    }
}
