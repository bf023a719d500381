package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.dispatch.feed.domain.FeedEntry;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;

/** The technicians' push stream: own assignments only, resumed exactly with Last-Event-ID. */
@ServiceSliceTest
class TechnicianFeedServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static final String ARCHIVE = """
            {"dealers": [{"dealerId": "D-FD", "name": "推送经销商", "regionCode": "420102"}],
             "technicians": [
               {"technicianId": "T-F1", "dealerId": "D-FD", "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-F2", "dealerId": "D-FD", "productLines": ["WATER_PURIFIER"]}],
             "installations": [
               {"serialNumber": "WP-F1", "productLine": "WATER_PURIFIER", "dealerId": "D-FD", "installerId": "T-F1"},
               {"serialNumber": "WP-F9", "productLine": "WATER_PURIFIER", "dealerId": "D-FD", "installerId": "T-F2"}]}
            """;

    /** One SSE event as the app sees it. */
    record Sse(String id, String event, String data) {}

    /** A connected phone: reads the stream on its own thread until closed. */
    static final class Phone implements AutoCloseable {

        final List<Sse> received = new CopyOnWriteArrayList<>();
        private final InputStream body;

        Phone(HttpResponse<InputStream> response) {
            this.body = response.body();
            var reader = new Thread(() -> {
                try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String id = null, event = null, data = null;
                    for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            data = line.substring(6);
                        } else if (line.isEmpty() && data != null) {
                            received.add(new Sse(id, event, data));
                            id = event = data = null;
                        }
                    }
                } catch (Exception e) {
                    // closed by the test
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        List<String> assignmentIds() {
            var ids = new ArrayList<String>();
            for (var sse : received) {
                ids.add(sse.data().replaceAll(".*\"assignmentId\":\"([^\"]+)\".*", "$1"));
            }
            return ids;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    TechnicianFeeds feeds;

    final HttpClient http = HttpClient.newHttpClient();
    TestEvents events;

    @BeforeEach
    void importArchive() throws Exception {
        events = new TestEvents(brokers);
        var response = http.send(
                HttpRequest.newBuilder(uri("/api/archive/import"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ARCHIVE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void a_phone_that_reconnects_with_last_event_id_receives_exactly_the_assignments_it_missed_and_only_its_own()
            throws Exception {
        var first = newComplaintId();
        var missed1 = newComplaintId();
        var missed2 = newComplaintId();
        var others = newComplaintId();
        try (var colleague = connect("T-F2", null)) {
            String lastSeen;
            try (var phone = connect("T-F1", null)) {
                events.publish(registered(first, "WP-F1"), first);
                await().atMost(WAIT).until(() -> phone.assignmentIds().contains("ASG-" + first));
                lastSeen = phone.received.get(phone.received.size() - 1).id();
            }

            events.publish(registered(missed1, "WP-F1"), missed1);
            events.publish(registered(missed2, "WP-F1"), missed2);
            events.publish(registered(others, "WP-F9"), others);
            await().atMost(WAIT)
                    .until(() -> feeds.byTechnician("T-F1").orElseThrow().entries().stream()
                                    .filter(e -> e.complaintId().equals(missed1)
                                            || e.complaintId().equals(missed2))
                                    .count()
                            == 2);

            try (var resumed = connect("T-F1", lastSeen)) {
                await().atMost(WAIT).until(() -> resumed.received.size() >= 2);
                // A moment more: nothing repeated, nothing else arrives.
                await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> resumed.received.size() == 2);
                assertThat(resumed.assignmentIds()).containsExactlyInAnyOrder("ASG-" + missed1, "ASG-" + missed2);
                var first1 = Long.parseLong(lastSeen);
                assertThat(resumed.received)
                        .extracting(Sse::id)
                        .containsExactly(String.valueOf(first1 + 1), String.valueOf(first1 + 2));
                assertThat(resumed.received).allMatch(s -> s.event().equals("ASSIGNED"));
            }

            await().atMost(WAIT).until(() -> colleague.assignmentIds().contains("ASG-" + others));
            assertThat(colleague.assignmentIds()).doesNotContain("ASG-" + first, "ASG-" + missed1, "ASG-" + missed2);
        }
    }

    @Test
    void the_stream_is_for_technicians_only() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(uri("/api/technician/feed"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private Phone connect(String technicianId, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(uri("/api/technician/feed"))
                .header("Authorization", "Bearer " + TestTokens.technician(technicianId, "D-FD"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Phone(response);
    }

    private static String newComplaintId() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void a_feed_stays_gap_free_and_capped_when_appends_are_pushed_and_a_stale_copy_is_refused() {
        var technicianId = "T-CAP-" + UUID.randomUUID();
        for (int i = 1; i <= TechnicianFeed.RETAINED + 3; i++) {
            var feed = feeds.byTechnician(technicianId).orElseGet(() -> new TechnicianFeed(technicianId, null, null));
            assertThat(feed.append("ASSIGNED", "ASG-" + i, "C-" + i, Instant.parse("2026-01-01T00:00:00Z"), "ev-" + i))
                    .isTrue();
            feeds.save(feed);
        }
        var stored = feeds.byTechnician(technicianId).orElseThrow();
        assertThat(stored.entries()).hasSize(TechnicianFeed.RETAINED);
        assertThat(stored.entries().get(0).seq()).isEqualTo(4);
        assertThat(stored.entries().get(TechnicianFeed.RETAINED - 1))
                .isEqualTo(new FeedEntry(
                        TechnicianFeed.RETAINED + 3,
                        "ASSIGNED",
                        "ASG-" + (TechnicianFeed.RETAINED + 3),
                        "C-" + (TechnicianFeed.RETAINED + 3),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        "ev-" + (TechnicianFeed.RETAINED + 3)));
        assertThat(stored.entries())
                .extracting(FeedEntry::seq)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(4, TechnicianFeed.RETAINED + 3)
                        .boxed()
                        .toList());

        var first = feeds.byTechnician(technicianId).orElseThrow();
        var stale = feeds.byTechnician(technicianId).orElseThrow();
        first.append("WITHDRAWN", "ASG-1", "C-1", Instant.parse("2026-01-02T00:00:00Z"), "ev-w1");
        feeds.save(first);
        stale.append("ASSIGNED", "ASG-x", "C-x", Instant.parse("2026-01-02T00:00:00Z"), "ev-x");
        assertThatThrownBy(() -> feeds.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(feeds.byTechnician(technicianId).orElseThrow().entries())
                .extracting(FeedEntry::eventId)
                .endsWith("ev-" + (TechnicianFeed.RETAINED + 3), "ev-w1")
                .doesNotContain("ev-x");
    }
}
