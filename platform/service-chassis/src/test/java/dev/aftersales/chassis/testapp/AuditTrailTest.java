package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.audit.AuditEntry;
import dev.aftersales.chassis.audit.AuditTrail;
import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ListDoor;
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

    @Test
    void the_trail_is_read_newest_first_and_a_walk_sees_each_entry_there_at_its_start_once_while_entries_arrive() {
        var actor = "ops-walk-" + java.util.UUID.randomUUID();
        var at = Instant.parse("2026-11-30T08:00:00Z");
        var existing = new java.util.ArrayList<String>();
        for (var i = 0; i < 7; i++) {
            trail.record(new AuditEntry("ticket.corrected", actor, "T-walk-" + i, Map.of(), at.plusSeconds(i)));
            existing.add(0, "T-walk-" + i);
        }
        var door = new ListDoor(port, "/admin/audit?actor=" + actor, "subject");

        var seen = door.walkWhileInserting(
                TestTokens.ops(),
                3,
                java.util.Set.copyOf(existing),
                page -> trail.record(
                        new AuditEntry("ticket.corrected", actor, "T-walk-late-" + page, Map.of(), Instant.now())),
                subject -> subject.startsWith("T-walk-"));

        assertThat(seen)
                .as("newest first; later entries are newer, for the next walk")
                .containsExactlyElementsOf(existing);
        door.refusesLimitAboveTheCap(TestTokens.ops(), 200);
        door.refusesACursorOfAnotherCaller(TestTokens.ops(), TestTokens.token("sup-walk", Map.of(), Role.SUPERVISOR));
    }

    @Test
    void the_trail_is_filtered_by_actor_action_and_period_and_a_backwards_period_is_refused() throws Exception {
        var actor = "ops-filter-" + java.util.UUID.randomUUID();
        var at = Instant.parse("2026-11-29T08:00:00Z");
        trail.record(new AuditEntry("dead-letter.replayed", actor, "t.DLT/0/1", Map.of(), at));
        trail.record(new AuditEntry("dead-letter.replayed", actor, "t.DLT/0/2", Map.of(), at.plusSeconds(3600)));
        trail.record(new AuditEntry("dead-letter.payload-read", actor, "t.DLT/0/3", Map.of(), at.plusSeconds(60)));
        trail.record(new AuditEntry("dead-letter.replayed", "someone-else", "t.DLT/0/4", Map.of(), at.plusSeconds(60)));

        var byActorAndAction = new ListDoor(port, "/admin/audit?action=dead-letter.replayed&actor=" + actor, "subject");
        assertThat(byActorAndAction.page(TestTokens.ops(), 10, null).ids()).containsExactly("t.DLT/0/2", "t.DLT/0/1");
        var inPeriod = new ListDoor(
                port,
                "/admin/audit?actor=" + actor + "&since=" + at.plusSeconds(1) + "&until=" + at.plusSeconds(3600),
                "subject");
        assertThat(inPeriod.page(TestTokens.ops(), 10, null).ids()).containsExactly("t.DLT/0/3");

        var backwards =
                get("/admin/audit?since=" + at + "&until=" + at + "&actor=" + "x".repeat(201), TestTokens.ops());
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"until\"").contains("\"field\":\"actor\"");
    }

    @Test
    void the_trail_exports_as_csv_with_a_byte_order_mark_and_the_export_is_itself_audited() throws Exception {
        var actor = "ops-export-" + java.util.UUID.randomUUID();
        trail.record(new AuditEntry(
                "ticket.corrected", actor, "T-导出", Map.of("revision", "=2"), Instant.parse("2026-11-28T08:00:00Z")));
        trail.record(new AuditEntry(
                "ticket.corrected", actor, "T-export-2", Map.of(), Instant.parse("2026-11-28T09:00:00Z")));
        var supervisor = TestTokens.token("sup-export", Map.of(), Role.SUPERVISOR);

        var export = ListDoor.export(port, "/admin/audit/export.csv?actor=" + actor, supervisor);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        var bytes = export.body();
        assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                .substring(1)
                .split("\r\n");
        assertThat(lines[0]).isEqualTo("at,action,actor,subject,details,id");
        assertThat(lines[1]).startsWith("2026-11-28T09:00:00Z,ticket.corrected," + actor + ",T-export-2,");
        assertThat(lines[2]).contains(",T-导出,").contains("revision==2");
        assertThat(lines).hasSize(3);
        assertThat(ListDoor.export(port, "/admin/audit/export.csv", TestTokens.agent("agent-1"))
                        .statusCode())
                .isEqualTo(403);

        var audited = trail.list(CsvExport.AUDIT_ACTION, "audit", null, null, 50).stream()
                .filter(entry -> "sup-export".equals(entry.actor()))
                .toList();
        assertThat(audited).isNotEmpty();
        assertThat(audited.get(0).details()).containsEntry("actor", actor).containsEntry("rows", "2");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
