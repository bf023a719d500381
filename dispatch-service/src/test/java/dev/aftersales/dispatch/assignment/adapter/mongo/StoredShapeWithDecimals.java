package dev.aftersales.dispatch.assignment.adapter.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The chassis' {@code StoredShape} as this service's store has it: with {@link DecimalConversions},
 * which write amounts as the decimal strings that assignments have always been stored with. (The
 * chassis' fixture knows no custom conversions; once the decimal conversions move to the chassis,
 * its {@code StoredShape} can take them and this class goes.)
 */
final class StoredShapeWithDecimals {

    private final MappingMongoConverter converter;

    StoredShapeWithDecimals() {
        var conversions = DecimalConversions.conversions();
        var mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mapping);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
    }

    Document write(Object document) {
        var bson = new Document();
        converter.write(document, bson);
        return bson;
    }

    /** The stored JSON without the outbox, whose event ids and times differ on every run. */
    String json(Object document) {
        var bson = write(document);
        bson.remove("outbox");
        return bson.toJson();
    }

    <T> T read(Class<T> type, Document bson) {
        return converter.read(type, bson);
    }
}
