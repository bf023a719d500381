package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The outbox relay and idempotent consumption against a real MongoDB replica set and a real
 * {@code apache/kafka} broker. Needs Docker; skipped where there is none (the same behaviour is
 * covered by {@link OutboxRelayTest} and {@link EventConsumptionTest} on the embedded broker and store).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealInfrastructureIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestTokens.AUDIENCE);
        registry.add("aftersales.outbox.sweep-interval", () -> "500ms");
    }

    @Autowired
    Tickets tickets;

    @Test
    void a_consumed_event_is_handled_once_and_its_consequence_published_once() {
        try (var tap = EventTap.open(KAFKA.getBootstrapServers(), Topics.DISPATCH_ASSIGNMENTS);
                var events = new TestEvents(KAFKA.getBootstrapServers())) {
            var id = UUID.randomUUID().toString();
            events.publish(EventConsumptionTest.complaint("C-real", "漏水"), "C-real", id);
            events.publish(EventConsumptionTest.complaint("C-real", "漏水"), "C-real", id);

            tap.await(s -> "C-real".equals(s.key()), Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            !tickets.findById("C-real").orElseThrow().outbox().hasPending());
            assertThat(tickets.findById("C-real").orElseThrow().timesOpened()).isEqualTo(1);
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .filteredOn(s -> "C-real".equals(s.key()))
                    .hasSize(1);
        }
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void idempotency_keys_expire_by_a_ttl_index_on_real_mongodb() {
        var ttl = new java.util.ArrayList<org.bson.Document>();
        mongo.getCollection("idempotency_keys").listIndexes().into(ttl);
        assertThat(ttl)
                .filteredOn(index -> "expiresAt_ttl".equals(index.getString("name")))
                .singleElement()
                .satisfies(index -> assertThat(((Number) index.get("expireAfterSeconds")).longValue())
                        .isZero());
    }
}
