package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.feed.application.FeedChanges;
import dev.aftersales.dispatch.feed.domain.FeedTicket;
import dev.aftersales.dispatch.feed.domain.FeedTickets;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * The technicians' streams at scale: no thread and no store read while idle, woken by changes this
 * instance records or its own consumer sees, tickets for apps without headers, a cap per instance, slow
 * phones dropped without holding up the others, and draining before shutdown.
 */
// A context of its own, so it runs after every class of the shared context: each context's embedded
// broker sets the JVM-wide spring.embedded.kafka.brokers, which a later class of another context would read.
@Order(Integer.MAX_VALUE - 1)
@ServiceSliceTest
@TestPropertySource(
        properties = {
            "aftersales.dispatch.feed.max-connections=4",
            "aftersales.dispatch.feed.send-buffer=4096",
            "aftersales.dispatch.feed.heartbeat=PT1S"
        })
class LiveFeedServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TestConfiguration(proxyBeanMethods = false)
    static class SmallSendBuffers {

        /**
         * A phone's slow network in miniature: the kernel holds little unsent data per connection, so
         * what a phone does not read soon waits in its stream's own buffer.
         */
        @Bean
        TomcatConnectorCustomizer smallSendBuffers() {
            return connector -> connector.setProperty("socket.txBufSize", "4096");
        }
    }

    static final String ARCHIVE = """
            {"dealers": [{"dealerId": "D-LV", "name": "直播经销商", "regionCode": "420102"}],
             "technicians": [
               {"technicianId": "T-L1", "dealerId": "D-LV", "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-L2", "dealerId": "D-LV", "productLines": ["WATER_PURIFIER"]}],
             "installations": [
               {"serialNumber": "WP-L1", "productLine": "WATER_PURIFIER", "dealerId": "D-LV", "installerId": "T-L1"}]}
            """;

    /** A connected phone: every line of the stream, comments included, read on its own thread. */
    static final class Phone implements AutoCloseable {

        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile boolean ended;
        private final InputStream body;

        Phone(InputStream body) {
            this.body = body;
            var reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (var line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    // closed by the test
                }
                ended = true;
            });
            reader.setDaemon(true);
            reader.start();
        }

        long keepAlives() {
            return lines.stream().filter(l -> l.equals(": keep-alive")).count();
        }

        boolean shows(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }

        List<String> ids() {
            return lines.stream()
                    .filter(l -> l.startsWith("id: "))
                    .map(l -> l.substring(4))
                    .toList();
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

    @Autowired
    FeedChanges feedChanges;

    @Autowired
    FeedTickets tickets;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    /** HTTP/1.1 as a browser's EventSource and the apps speak it to the service (no h2c upgrade offered). */
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestEvents events;

    @BeforeEach
    void importArchiveWithNoStreamOpen() throws Exception {
        events = new TestEvents(brokers);
        var response = http.send(
                HttpRequest.newBuilder(uri("/api/archive/import"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ARCHIVE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // Streams closed by an earlier test are noticed at their next keep-alive.
        await().atMost(WAIT).until(() -> gauge("aftersales.feeds.open") == 0);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void an_idle_stream_reads_nothing_and_gets_a_new_assignment_pushed_without_polling() throws Exception {
        var complaintId = newComplaintId();
        try (var phone = connect("T-L1", null)) {
            await().atMost(WAIT).until(() -> phone.keepAlives() >= 1);
            var readsWhileIdle = counter("aftersales.feeds.reads");
            await().atMost(WAIT).until(() -> phone.keepAlives() >= 4);
            assertThat(counter("aftersales.feeds.reads"))
                    .as("feed documents read during three idle keep-alives")
                    .isEqualTo(readsWhileIdle);

            events.publish(registered(complaintId, "WP-L1"), complaintId);
            await().atMost(WAIT).until(() -> phone.shows("\"assignmentId\":\"ASG-" + complaintId + "\""));
            assertThat(counter("aftersales.feeds.reads") - readsWhileIdle)
                    .as("reads for one change")
                    .isBetween(1.0, 5.0);
        }
    }

    @Test
    void a_change_seen_by_this_instances_consumer_wakes_the_stream_when_another_instance_recorded_it()
            throws Exception {
        var eventId = UUID.randomUUID().toString();
        var complaintId = newComplaintId();
        try (var phone = connect("T-L2", null)) {
            await().atMost(WAIT).until(() -> phone.keepAlives() >= 1);
            // Another instance's consumer group recorded the entry: nothing on this instance wakes the stream.
            var feed = feeds.byTechnician("T-L2").orElseGet(() -> new TechnicianFeed("T-L2", null, null));
            feed.append("ASSIGNED", "ASG-" + complaintId, complaintId, Instant.now(), eventId, "NORMAL");
            feeds.save(feed);
            var keepAlives = phone.keepAlives();
            await().atMost(WAIT).until(() -> phone.keepAlives() >= keepAlives + 2);
            assertThat(phone.shows(complaintId))
                    .as("pushed before any event was seen")
                    .isFalse();

            // The event reaches every instance's own consumer (this instance's group finds it recorded already).
            events.publish(
                    new TechnicianAssigned(
                            "ASG-" + complaintId,
                            complaintId,
                            "T-L2",
                            "D-LV",
                            AssignmentRule.ORIGINAL_INSTALLER,
                            "test",
                            Instant.now()),
                    complaintId,
                    eventId);
            await().atMost(WAIT).until(() -> phone.shows("\"assignmentId\":\"ASG-" + complaintId + "\""));
        }
    }

    @Test
    void a_ticket_opens_the_stream_once_without_a_token_and_is_refused_after() throws Exception {
        var ticket = ticketFor("T-L1");
        var first = http.send(
                HttpRequest.newBuilder(uri("/api/technician/feed?ticket=" + ticket))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(first.statusCode()).isEqualTo(200);
        try (var phone = new Phone(first.body())) {
            await().atMost(WAIT).until(() -> phone.keepAlives() >= 1);
            assertThat(phone.lines).anyMatch(l -> l.startsWith("retry: "));
        }

        var again = http.send(
                HttpRequest.newBuilder(uri("/api/technician/feed?ticket=" + ticket))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(again.body()).doesNotContain(ticket);
    }

    @Test
    void an_expired_or_made_up_ticket_is_refused() throws Exception {
        // Stored as the door stores it, but with a lifetime that is over at once: a short lifetime for
        // the whole class would expire the other tests' tickets on a loaded machine.
        var secret = newSecret();
        var expiresAt = tickets.add(
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(secret.getBytes(StandardCharsets.US_ASCII))),
                new FeedTicket("T-L1", "T-L1", "D-LV"),
                Duration.ofMillis(1));
        await().atMost(WAIT).until(() -> Instant.now().isAfter(expiresAt));
        assertThat(feedWithTicket(secret)).isEqualTo(401);
        assertThat(feedWithTicket("A".repeat(43))).isEqualTo(401);
        assertThat(feedWithTicket("not-a-ticket")).isEqualTo(401);
    }

    @Test
    void a_ticket_opens_no_other_door_and_is_not_spent_there() throws Exception {
        var ticket = ticketFor("T-L1");
        for (var other : List.of("/api/technician/assignments", "/api/technician/feed/tickets")) {
            var response = http.send(
                    HttpRequest.newBuilder(uri(other + "?ticket=" + ticket)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(other).isEqualTo(401);
        }
        var post = http.send(
                HttpRequest.newBuilder(uri("/api/technician/feed?ticket=" + ticket))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("POST to the feed with a ticket").isEqualTo(401);
        assertThat(feedWithTicket(ticket)).as("the ticket after all that").isEqualTo(200);
    }

    @Test
    void a_stream_beyond_the_instances_cap_is_refused_with_503_and_retry_after() throws Exception {
        var open = new ArrayList<Phone>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(connect("T-L" + (1 + i % 2), null));
            }
            var refused = http.send(request("T-L1", null).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Long.parseLong(seconds)).isBetween(5L, 15L));
            assertThat((String) JsonPath.read(refused.body(), "$.type")).endsWith("feeds-full");
            assertThat(counter("aftersales.feeds.refused")).isGreaterThanOrEqualTo(1);

            open.remove(0).close();
            await().atMost(WAIT).until(() -> gauge("aftersales.feeds.open") == 3);
            open.add(connect("T-L1", null));
        } finally {
            for (var phone : open) {
                phone.close();
            }
        }
    }

    @Test
    void a_phone_that_does_not_read_is_dropped_and_never_holds_up_another_then_resumes_with_last_event_id()
            throws Exception {
        var technicianId = "T-SLOW-" + UUID.randomUUID().toString().substring(0, 6);
        appendEntries(technicianId, 300);
        var dropped = counter("aftersales.feeds.slow-dropped");
        int last;
        try (var slow = slowPhone(technicianId);
                var reading = connect(technicianId, null)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(reading.ids())
                            .as("received %s lines", reading.lines.size())
                            .contains("300"));
            last = 300;
            var deadline = System.nanoTime() + WAIT.multipliedBy(2).toNanos();
            while (counter("aftersales.feeds.slow-dropped") == dropped && System.nanoTime() < deadline) {
                last = appendEntries(technicianId, 20);
                feedChanges.changed(technicianId, "ev-" + last, null);
                Thread.sleep(100);
            }
            assertThat(counter("aftersales.feeds.slow-dropped")).isEqualTo(dropped + 1);
            var lastAppended = String.valueOf(last);
            await().atMost(WAIT).until(() -> reading.ids().contains(lastAppended));
            assertThat(reading.ids())
                    .as("the phone that reads gets every entry once, in order")
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, last)
                            .mapToObj(String::valueOf)
                            .toList());
        }

        try (var resumed = connect(technicianId, String.valueOf(last - 3))) {
            await().atMost(WAIT).until(() -> resumed.keepAlives() >= 1);
            assertThat(resumed.ids())
                    .as("what the dropped phone missed after the last entry it saw")
                    .containsExactly(String.valueOf(last - 2), String.valueOf(last - 1), String.valueOf(last));
        }
    }

    @Test
    void draining_ends_every_open_stream_and_refuses_new_ones_until_started_again() throws Exception {
        var openFeeds = context.getBean("openFeeds", SmartLifecycle.class);
        try (var phone = connect("T-L1", null)) {
            await().atMost(WAIT).until(() -> phone.keepAlives() >= 1);
            openFeeds.stop();
            try {
                await().atMost(WAIT).until(() -> phone.ended);
                var refused = http.send(request("T-L1", null).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(503);
            } finally {
                openFeeds.start();
            }
        }
        try (var again = connect("T-L1", null)) {
            await().atMost(WAIT).until(() -> again.keepAlives() >= 1);
        }
    }

    /** Appends entries as the consumer group would; @return the last entry's number */
    private int appendEntries(String technicianId, int count) {
        var feed = feeds.byTechnician(technicianId).orElseGet(() -> new TechnicianFeed(technicianId, null, null));
        for (int i = 0; i < count; i++) {
            var n = feed.entries().isEmpty()
                    ? 1
                    : feed.entries().get(feed.entries().size() - 1).seq() + 1;
            feed.append(
                    "ASSIGNED",
                    "ASG-" + technicianId + "-" + n,
                    "C-" + technicianId + "-" + n,
                    Instant.parse("2026-11-30T08:00:00Z"),
                    "ev-" + n,
                    "NORMAL");
        }
        feeds.save(feed);
        return (int) feeds.byTechnician(technicianId).orElseThrow().entries().stream()
                .mapToLong(e -> e.seq())
                .max()
                .orElse(0);
    }

    /** A phone that opens its stream and then reads nothing, with a small receive window. */
    private AutoCloseable slowPhone(String technicianId) throws Exception {
        var socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("localhost", port));
        socket.getOutputStream()
                .write(("GET /api/technician/feed HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                                + "Authorization: Bearer " + TestTokens.technician(technicianId, "D-LV") + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket::close;
    }

    private String ticketFor(String technicianId) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(uri("/api/technician/feed/tickets"))
                        .header("Authorization", "Bearer " + TestTokens.technician(technicianId, "D-LV"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String ticket = JsonPath.read(response.body(), "$.ticket");
        assertThat(ticket).hasSize(43);
        return ticket;
    }

    private int feedWithTicket(String ticket) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(uri("/api/technician/feed?ticket=" + ticket))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private Phone connect(String technicianId, String lastEventId) throws Exception {
        var response = http.send(request(technicianId, lastEventId).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Phone(response.body());
    }

    private HttpRequest.Builder request(String technicianId, String lastEventId) {
        var request = HttpRequest.newBuilder(uri("/api/technician/feed"))
                .header("Authorization", "Bearer " + TestTokens.technician(technicianId, "D-LV"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request;
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static String newSecret() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String newComplaintId() {
        return "C-L" + UUID.randomUUID().toString().substring(0, 8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
