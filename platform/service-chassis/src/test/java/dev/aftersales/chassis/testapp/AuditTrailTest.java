package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.audit.AuditTrail;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An audited act is saved in its aggregate's outbox with the act (one write) and copied once to the
 * audit trail, never to Kafka; the trail is read through {@code GET /admin/audit} by OPS and
 * SUPERVISOR only.
 */
@ServiceSliceTest
class AuditTrailTest {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    Tickets tickets;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditTrail trail;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_audited_act_is_saved_with_its_aggregate_and_copied_to_the_trail_once_and_never_published()
            throws Exception {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var ticket = new Ticket("T-audited");
            ticket.audit("ticket.corrected", "ops-7", Map.of("revision", "2"), Instant.parse("2026-11-30T07:00:00Z"));
            tickets.save(ticket);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !trail.list("ticket.corrected", "T-audited", null, null, 10)
                            .isEmpty());
            var entry =
                    trail.list("ticket.corrected", "T-audited", null, null, 10).get(0);
            assertThat(entry.actor()).isEqualTo("ops-7");
            assertThat(entry.details()).containsEntry("revision", "2");
            assertThat(entry.at()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !tickets.findById("T-audited")
                            .orElseThrow()
                            .outbox()
                            .hasPending());

            // a copy repeated after a crash (the same entry id) is the same entry
            assertThat(trail.append(
                            entry.id(),
                            new dev.aftersales.chassis.audit.AuditEntry(
                                    "ticket.corrected", "ops-7", "T-audited", Map.of(), Instant.now())))
                    .isFalse();
            assertThat(mongo.getCollection(AuditTrail.COLLECTION).countDocuments(new Document("subject", "T-audited")))
                    .isEqualTo(1);
            assertThat(tap.drain(Duration.ofSeconds(1))).noneMatch(seen -> "T-audited".equals(seen.key()));
        }
    }

    @Test
    void operations_and_supervisors_read_the_trail_and_nobody_else_does() throws Exception {
        trail.record(new dev.aftersales.chassis.audit.AuditEntry(
                "dead-letter.replayed", "ops-1", "t.DLT/0/7", Map.of(), Instant.now()));

        var ops = get("/admin/audit?action=dead-letter.replayed", TestTokens.ops());
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("\"subject\":\"t.DLT/0/7\"").contains("\"actor\":\"ops-1\"");
        assertThat(get("/admin/audit", TestTokens.token("sup-1", Map.of(), Role.SUPERVISOR))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/admin/audit", TestTokens.agent("agent-1")).statusCode())
                .isEqualTo(403);
        assertThat(get("/admin/audit?limit=100000", TestTokens.ops()).statusCode())
                .isEqualTo(400);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
