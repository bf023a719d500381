package dev.aftersales.dispatch.archive.adapter.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The chassis' {@code StoredShape} as this service's store has it: with the {@link StoreConversions}
 * (amounts and calendar dates as strings). The chassis' fixture knows no custom conversions; once
 * these conversions move to the chassis, its {@code StoredShape} can take them and this class goes.
 */
public final class StoredShapeWithConversions {

    private final MappingMongoConverter converter;

    public StoredShapeWithConversions() {
        var conversions = StoreConversions.conversions();
        var mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mapping);
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
