package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.chassis.test.StoredShape;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * The chassis' {@link StoredShape} as this service's store writes: with the {@link StoreConversions}
 * (amounts and calendar dates as strings). The chassis' fixture takes no conversions yet, so they are
 * set on its converter; once it takes them (or the conversions move to the chassis), this class goes.
 */
public final class StoredShapes {

    private StoredShapes() {}

    public static StoredShape withStoreConversions() {
        var shape = new StoredShape();
        try {
            var field = StoredShape.class.getDeclaredField("converter");
            field.setAccessible(true);
            var converter = (MappingMongoConverter) field.get(shape);
            converter.setCustomConversions(StoreConversions.conversions());
            converter.afterPropertiesSet();
            return shape;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the chassis' StoredShape no longer keeps a converter to set", e);
        }
    }
}
