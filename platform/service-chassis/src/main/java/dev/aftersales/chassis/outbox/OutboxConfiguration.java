package dev.aftersales.chassis.outbox;

import dev.aftersales.chassis.ChassisProperties;
import dev.aftersales.chassis.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            KafkaTemplate<String, byte[]> eventTemplate,
            MongoTemplate mongo,
            ChassisProperties properties,
            MeterRegistry meters,
            AuditTrail auditTrail) {
        var outbox = properties.outbox();
        return new OutboxRelay(
                eventTemplate,
                mongo,
                properties.service(),
                outbox.batchSize(),
                outbox.sweepInterval(),
                outbox.sweepGrace(),
                meters,
                auditTrail);
    }

    /** Sets the bound before any request or listener can raise an event. */
    @Bean
    SmartInitializingSingleton eventSizeLimit(ChassisProperties properties) {
        return () -> Outbox.limitEventSize(properties.events().maxSize().toBytes());
    }

    @Bean
    OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
        return new OutboxSaveListener(relay);
    }

    /**
     * Registers every aggregate collection with the sweep, and gives versioned documents a unique
     * {@code {_id, version}} index: Spring Data's optimistic-locking save filters on both fields,
     * and the embedded store scans the whole collection unless an index matches them exactly.
     */
    @Bean
    SmartInitializingSingleton aggregateCollections(
            MongoMappingContext mapping, MongoTemplate mongo, OutboxRelay relay) {
        return () -> {
            // The sweep reads this service's marks older than its grace: on MongoDB proper from this index.
            mongo.getCollection(OutboxRelay.MARKERS)
                    .createIndex(
                            new Document("collection", 1).append("raisedAt", 1),
                            new com.mongodb.client.model.IndexOptions().name("collection_raisedAt"));
            aggregateCollectionsOf(mapping, mongo, relay);
        };
    }

    private static void aggregateCollectionsOf(MongoMappingContext mapping, MongoTemplate mongo, OutboxRelay relay) {
        mapping.getPersistentEntities().forEach(entity -> {
            if (HasOutbox.class.isAssignableFrom(entity.getType())) {
                relay.registerCollection(entity.getCollection());
            }
            if (entity.hasVersionProperty()) {
                var versionField = entity.getRequiredVersionProperty().getFieldName();
                mongo.getCollection(entity.getCollection())
                        .createIndex(
                                new Document("_id", 1).append(versionField, 1),
                                new com.mongodb.client.model.IndexOptions()
                                        .unique(true)
                                        .name("_id_version"));
            }
        });
    }
}
