package dev.aftersales.chassis.time;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** What a store adapter answers when a {@link Sweep} asks for its next due time. */
public final class DueTimes {

    private DueTimes() {}

    /**
     * The earliest value of the due-time field {@code field} (a stored path such as {@code
     * customer.nextCareAt}) in {@code collection}; documents without a running timer leave it null.
     */
    public static Optional<Instant> earliest(MongoTemplate mongo, String collection, String field) {
        var query = Query.query(Criteria.where(field).ne(null))
                .with(Sort.by(Sort.Direction.ASC, field))
                .limit(1);
        query.fields().include(field);
        var first = mongo.findOne(query, Document.class, collection);
        if (first == null) {
            return Optional.empty();
        }
        var value = first.getEmbedded(Arrays.asList(field.split("\\.")), Object.class);
        if (value instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        return value instanceof Instant instant ? Optional.of(instant) : Optional.empty();
    }
}
