package dev.aftersales.chassis.test;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Writes and reads documents as Spring Data does, without a store, so a test can pin the field
 * names already stored: documents written by an earlier version must still read.
 */
public final class StoredShape {

    private final MappingMongoConverter converter;

    public StoredShape() {
        this(new MongoCustomConversions(List.of()));
    }

    /** As a service whose store registers {@code conversions} (e.g. amounts and dates as strings) writes. */
    public StoredShape(MongoCustomConversions conversions) {
        var context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
    }

    public Document write(Object document) {
        var bson = new Document();
        converter.write(document, bson);
        return bson;
    }

    /** The stored JSON without the outbox, whose event ids and times differ on every run. */
    public String json(Object document) {
        var bson = write(document);
        bson.remove("outbox");
        return bson.toJson();
    }

    public <T> T read(Class<T> type, Document bson) {
        return converter.read(type, bson);
    }
}
