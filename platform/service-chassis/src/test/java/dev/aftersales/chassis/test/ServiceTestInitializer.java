package dev.aftersales.chassis.test;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service under test at the embedded MongoDB-wire store (a fresh database per context)
 * and the test token key, issuer and audience (set explicitly, as production must), and shortens
 * the chassis' timers so tests do not wait. Counts what requests write to the store ({@link StoreWrites}) and send to Kafka ({@link
 * RequestPublishes}) and
 * records the query shapes it asks of the store ({@link QueryShapes}).
 */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getEnvironment().containsProperty("springdoc.api-docs.enabled")) {
            // springdoc is on the services' test classpath for ApiDescriptionTest alone; no door elsewhere
            TestPropertyValues.of("springdoc.api-docs.enabled=false").applyTo(context);
        }
        TestPropertyValues.of(
                        "spring.mongodb.uri=" + EmbeddedMongo.uri("test-" + UUID.randomUUID()),
                        "spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + TestTokens.publicKeyLocation(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                        "spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
                        "management.health.mongodb.enabled=false",
                        "aftersales.paging.cursor-key=test-cursor-key-of-at-least-32-characters",
                        "aftersales.outbox.sweep-interval=500ms",
                        "aftersales.outbox.sweep-grace=1s",
                        "aftersales.kafka.partitions=2",
                        "aftersales.kafka.retry-initial-interval=20ms",
                        "aftersales.kafka.retry-max-interval=100ms",
                        "aftersales.kafka.retry-attempts=2",
                        // the embedded broker and clients are chatty at INFO; their warnings still show
                        "logging.level.kafka=WARN",
                        "logging.level.org.apache.kafka=WARN",
                        "logging.level.state.change.logger=WARN",
                        "spring.kafka.producer.properties.interceptor.classes=" + RequestPublishes.class.getName())
                .applyTo(context);
        var writes = new StoreWrites();
        context.getBeanFactory().registerSingleton("storeWrites", writes);
        context.getBeanFactory().registerSingleton("storeWritesOnTheClient", writes.customizer());
        context.getBeanFactory()
                .registerSingleton(
                        "queryShapesOnTheClient",
                        (org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer)
                                settings -> settings.addCommandListener(QueryShapes.recorded()));
    }
}
