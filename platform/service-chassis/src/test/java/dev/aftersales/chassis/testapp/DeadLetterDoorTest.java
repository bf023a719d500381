package dev.aftersales.chassis.testapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter door of a service: its own dead letters only, listed without personal data,
 * whole only with a purpose and audited, replayed to its own replay topic once each, one by one or
 * in bulk by time and reason.
 */
@ServiceSliceTest
class DeadLetterDoorTest {

    static final Duration WAIT = EventConsumptionTest.WAIT;
    static final String OWN = EventConsumptionTest.DEAD_LETTERS;
    static final String REPLAYS = Topics.replayOf(Topics.INTAKE_COMPLAINTS, "chassis-test");
    /** Parts' dead letters of the same topic: another consumer's, on the same broker. */
    static final String PARTS_OWN = Topics.deadLetterOf(Topics.INTAKE_COMPLAINTS, "parts");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_replay_reaches_this_consumer_through_its_replay_topic_never_the_producers_topic_and_only_once() {
        var dead = park(OWN, "C-once", "failed after retries: store down " + UUID.randomUUID());
        try (var tap = EventTap.open(brokers, REPLAYS, Topics.INTAKE_COMPLAINTS)) {
            var replay = post(replayPath(OWN, dead), null);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
            assertThat(json(replay).get("replayedTo").asString()).isEqualTo(REPLAYS);

            var copy = tap.await(s -> dead.eventId().equals(s.id()), WAIT);
            assertThat(copy.topic()).isEqualTo(REPLAYS);
            assertThat(copy.headers())
                    .containsEntry("aftersales_replay_of", OWN + "/" + dead.partition() + "/" + dead.offset())
                    .doesNotContainKey("aftersales_dlt_reason");
            await().atMost(WAIT).until(() -> tickets.findById("C-once").isPresent());
            assertThat(tap.drain(Duration.ofSeconds(1)))
                    .noneMatch(s -> s.topic().equals(Topics.INTAKE_COMPLAINTS));
        }

        var again = post(replayPath(OWN, dead), null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("replayed by ops-1");
        var listed = entry(get("/admin/dead-letters/" + OWN + "?limit=200"), dead.eventId());
        assertThat(listed.get("replayed").get("by").asString()).isEqualTo("ops-1");
        assertThat(listed.get("replayed").get("sent").asBoolean()).isTrue();
    }

    @Test
    void another_consumers_dead_letters_are_neither_listed_nor_shown_nor_replayed() {
        var theirs = park(PARTS_OWN, "C-theirs", "failed after retries: " + UUID.randomUUID());

        assertThat(get("/admin/dead-letters").body()).contains(OWN).doesNotContain(PARTS_OWN);
        assertThat(get("/admin/dead-letters/" + PARTS_OWN).statusCode()).isEqualTo(404);
        assertThat(get("/admin/dead-letters/" + PARTS_OWN + "/" + theirs.partition() + "/" + theirs.offset()
                                + "?purpose=curious")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(replayPath(PARTS_OWN, theirs), null).statusCode()).isEqualTo(404);
        assertThat(post("/admin/dead-letters/" + PARTS_OWN + "/replay", "{\"reason\": \"failed\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/admin/dead-letters/" + Topics.INTAKE_COMPLAINTS).statusCode())
                .as("a topic that is not a dead-letter topic")
                .isEqualTo(404);
        assertThat(tickets.findById("C-theirs")).isEmpty();
    }

    @Test
    void dead_letters_are_replayed_in_bulk_by_reason_and_time_each_once() {
        var marker = UUID.randomUUID().toString();
        var storeDown = "failed after retries: store down " + marker;
        var first = park(OWN, "C-bulk-1", storeDown);
        var second = park(OWN, "C-bulk-2", storeDown);
        var afterwards = Instant.now();
        var other = park(OWN, "C-bulk-3", "failed after retries: timeout " + marker);

        var byReason = post("/admin/dead-letters/" + OWN + "/replay", "{\"reason\": \"STORE DOWN " + marker + "\"}");
        assertThat(byReason.statusCode()).as(byReason.body()).isEqualTo(202);
        assertThat(json(byReason).get("replayed").asInt()).isEqualTo(2);
        assertThat(json(byReason).get("alreadyReplayed").asInt()).isZero();
        assertThat(json(byReason).get("replayedTo").asString()).isEqualTo(REPLAYS);
        await().atMost(WAIT)
                .until(() -> tickets.findById("C-bulk-1").isPresent()
                        && tickets.findById("C-bulk-2").isPresent());
        assertThat(tickets.findById("C-bulk-3")).isEmpty();

        var byTime = post(
                "/admin/dead-letters/" + OWN + "/replay",
                "{\"from\": \"" + afterwards + "\", \"reason\": \"" + marker + "\"}");
        assertThat(byTime.statusCode()).as(byTime.body()).isEqualTo(202);
        assertThat(json(byTime).get("replayed").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> tickets.findById("C-bulk-3").isPresent());

        var again = post("/admin/dead-letters/" + OWN + "/replay", "{\"reason\": \"" + marker + "\"}");
        assertThat(json(again).get("replayed").asInt()).isZero();
        assertThat(json(again).get("alreadyReplayed").asInt()).isEqualTo(3);
        for (var dead : java.util.List.of(first, second, other)) {
            assertThat(entry(get("/admin/dead-letters/" + OWN + "?limit=200&reason=" + marker), dead.eventId())
                            .get("replayed"))
                    .isNotNull();
        }
    }

    @Test
    void a_bulk_replay_names_what_is_wrong_with_its_criteria_and_replays_nothing() {
        var nothing = post("/admin/dead-letters/" + OWN + "/replay", "{}");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("\"field\":\"from\"");

        var backwards = post(
                "/admin/dead-letters/" + OWN + "/replay",
                "{\"from\": \"2026-01-02T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\", \"limit\": 0}");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"to\"").contains("\"field\":\"limit\"");

        var notATime = post("/admin/dead-letters/" + OWN + "/replay", "{\"from\": \"yesterday\"}");
        assertThat(notATime.statusCode()).isEqualTo(400);
        assertThat(notATime.body()).contains("\"field\":\"from\"");
    }

    @Test
    void the_listing_leaves_out_personal_data_and_the_whole_record_needs_a_purpose_and_is_audited() {
        var dead = park(OWN, "C-whole", "failed after retries: " + UUID.randomUUID());
        var listed = entry(get("/admin/dead-letters/" + OWN + "?limit=200"), dead.eventId());
        assertThat(listed.get("payload").asString())
                .contains("C-whole")
                .doesNotContain("王芳")
                .doesNotContain("13812345678")
                .doesNotContain("张江路")
                .doesNotContain("漏水");

        var whole = "/admin/dead-letters/" + OWN + "/" + dead.partition() + "/" + dead.offset();
        var withoutPurpose = get(whole);
        assertThat(withoutPurpose.statusCode()).isEqualTo(400);
        assertThat(withoutPurpose.body()).contains("\"field\":\"purpose\"");

        var audit = (Logger) LoggerFactory.getLogger("aftersales.audit");
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        audit.addAppender(lines);
        try {
            var readsBefore = auditCount("dead-letter.payload-read");
            var shown = get(whole + "?purpose=customer+asks+what+was+recorded");
            assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
            assertThat(json(shown).get("payload").asString()).contains("王芳").contains("13812345678");
            assertThat(json(shown).get("headers").get("aftersales_dlt_reason").asString())
                    .startsWith("failed after retries");
            assertThat(auditCount("dead-letter.payload-read")).isEqualTo(readsBefore + 1);
            var logged =
                    lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).noneMatch(line -> line.contains("13812345678"));
            var entry = logged.stream()
                    .map(JSON::readTree)
                    .filter(line ->
                            "dead-letter.payload-read".equals(line.get("audit").asString()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no audit line in " + logged));
            assertThat(entry.get("actor").asString()).isEqualTo("ops-1");
            assertThat(entry.get("subject").asString()).isEqualTo(OWN + "/" + dead.partition() + "/" + dead.offset());
            assertThat(entry.get("details").get("purpose").asString()).isEqualTo("customer asks what was recorded");
            assertThat(entry.get("details").get("eventId").asString()).isEqualTo(dead.eventId());
        } finally {
            audit.detachAppender(lines);
        }
    }

    @Test
    void the_newest_dead_letter_comes_first_however_many_are_older() {
        park(OWN, "C-older", "failed after retries: " + UUID.randomUUID());
        var newest = park(OWN, "C-newest", "failed after retries: " + UUID.randomUUID());

        var first = get("/admin/dead-letters/" + OWN + "?limit=1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("items")).hasSize(1);
        assertThat(json(first).get("items").get(0).get("eventId").asString()).isEqualTo(newest.eventId());
        assertThat(json(first).get("next").asString()).isNotBlank();
        assertThat(first.headers().firstValue("Link"))
                .hasValueSatisfying(
                        link -> assertThat(link).contains("rel=\"next\"").contains("cursor="));
    }

    @Test
    void a_walk_newest_first_shows_every_dead_letter_there_at_its_start_once_while_new_ones_arrive() throws Exception {
        var marker = UUID.randomUUID().toString();
        var parked = new java.util.ArrayList<Parked>();
        for (var i = 0; i < 7; i++) {
            parked.add(park(OWN, "C-walk-" + i, "failed after retries: walk " + marker));
            Thread.sleep(3); // distinct timestamps, so newest first is one order
        }

        var seen = new java.util.ArrayList<String>();
        String cursor = null;
        var pages = 0;
        do {
            var page = get("/admin/dead-letters/" + OWN + "?limit=3&reason=" + marker
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            json(page).get("items").forEach(item -> seen.add(item.get("eventId").asString()));
            cursor = json(page).get("next").isNull()
                    ? null
                    : json(page).get("next").asString();
            // arriving between pages: newer than the walk, so for the next one
            park(OWN, "C-walk-late-" + pages, "failed after retries: walk " + marker);
            pages++;
        } while (cursor != null && pages < 10);

        var newestFirst = new java.util.ArrayList<String>();
        parked.forEach(p -> newestFirst.add(0, p.eventId()));
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_page_above_the_cap_is_refused_naming_the_limit_and_a_foreign_or_garbled_cursor_finds_nothing() {
        var marker = UUID.randomUUID().toString();
        park(OWN, "C-cap-1", "failed after retries: cap " + marker);
        park(OWN, "C-cap-2", "failed after retries: cap " + marker);

        var tooMany = get("/admin/dead-letters/" + OWN + "?limit=201");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"limit\"");
        assertThat(get("/admin/dead-letters/" + OWN + "?limit=200").statusCode())
                .isEqualTo(200);

        var first = get("/admin/dead-letters/" + OWN + "?limit=1&reason=" + marker);
        var cursor = json(first).get("next").asString();
        assertThat(get("/admin/dead-letters/" + OWN + "?limit=1&reason=" + marker + "&cursor=" + cursor)
                        .statusCode())
                .isEqualTo(200);
        var anotherOperator = dev.aftersales.chassis.test.TestTokens.token(
                "ops-2", java.util.Map.of(), dev.aftersales.chassis.security.Role.OPS);
        assertThat(send(
                                HttpRequest.newBuilder(uri("/admin/dead-letters/" + OWN + "?limit=1&reason=" + marker
                                        + "&cursor=" + cursor)),
                                anotherOperator)
                        .statusCode())
                .as("the cursor replayed by another operator")
                .isEqualTo(404);
        assertThat(get("/admin/dead-letters/" + OWN + "?limit=1&reason=other&cursor=" + cursor)
                        .statusCode())
                .as("the cursor of another filter")
                .isEqualTo(404);
        assertThat(get("/admin/dead-letters/" + OWN + "?limit=1&reason=" + marker + "&cursor=x" + cursor)
                        .statusCode())
                .as("a garbled cursor")
                .isEqualTo(404);
        assertThat(get("/admin/dead-letters/" + OWN + "?limit=1&cursor=bm90IGEgY3Vyc29y.c2VhbA")
                        .statusCode())
                .as("a forged cursor")
                .isEqualTo(404);
    }

    // ---- plumbing ----

    record Parked(String eventId, int partition, long offset) {}

    /** A ComplaintRegistered as this consumer would have dead-lettered it, with the given reason. */
    Parked park(String topic, String complaintId, String reason) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        var eventId = UUID.randomUUID().toString();
        var record = new ProducerRecord<String, String>(
                topic, complaintId, EventJson.write(EventConsumptionTest.complaint(complaintId, "漏水")));
        record.headers()
                .add(CloudEventHeaders.ID, eventId.getBytes(UTF_8))
                .add(
                        CloudEventHeaders.TYPE,
                        EventCatalog.COMPLAINT_REGISTERED.type().getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/aftersales/intake".getBytes(UTF_8))
                .add("aftersales_dlt_reason", reason.getBytes(UTF_8));
        try (var producer = new KafkaProducer<String, String>(props)) {
            var sent = producer.send(record).get(30, TimeUnit.SECONDS);
            return new Parked(eventId, sent.partition(), sent.offset());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String replayPath(String topic, Parked dead) {
        return "/admin/dead-letters/" + topic + "/" + dead.partition() + "/" + dead.offset() + "/replay";
    }

    double auditCount(String action) {
        var counter =
                meters.find("aftersales.audit.entries").tag("action", action).counter();
        return counter == null ? 0 : counter.count();
    }

    static JsonNode entry(HttpResponse<String> listing, String eventId) {
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        for (var entry : json(listing).get("items")) {
            if (eventId.equals(entry.get("eventId").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no dead letter " + eventId + " in " + listing.body());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) {
        var request = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, TestTokens.ops());
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token) {
        try {
            return http.send(
                    request.header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
