package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 on the packaged stack: the platform clock advanced through OPS' door, and what living
 * through that time would do happens, through the public doors only. The tests share one stack and
 * one clock, which only moves forward, so they run in order, each on machines of its own.
 */
@EndToEndStage
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformClockEndToEndTest {

    private static final String COMPLAINTS_TOPIC = "intake.complaints.v1";
    private static final String ASSIGNMENTS_TOPIC = "dispatch.assignments.v1";
    private static final String RESERVATIONS_TOPIC = "parts.reservations.v1";
    private static final String SLA_BREACHED = "aftersales.intake.SlaBreached.v1";
    private static final String ASSIGNMENT_DECLINED = "aftersales.dispatch.AssignmentDeclined.v1";
    private static final String TECHNICIAN_ASSIGNED = "aftersales.dispatch.TechnicianAssigned.v1";
    private static final String RESERVATION_RELEASED = "aftersales.parts.ReservationReleased.v1";
    private static final String CLOCK_HEADER = "Aftersales-Clock";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final DemoArchive DEMO = DemoArchive.get();
    private static final Path DATA_DIR = Path.of("target", "e2e-platform-clock");

    private static LocalStack stack;
    private static String agent;
    private static String supervisor;
    private static String dispatcher;
    private static String ops;
    private static int readers;

    @BeforeAll
    static void startTheStack() throws IOException {
        var config = FreshStack.config(DATA_DIR);
        stack = LocalStack.start(config);
        agent = stack.token("agent-7", "AGENT");
        supervisor = stack.token("supervisor-1", "SUPERVISOR");
        dispatcher = stack.token("dispatcher-1", "DISPATCHER");
        ops = stack.token("ops-1", "OPS");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void every_service_runs_on_the_platform_clock_and_says_so_on_every_answer() {
        for (var service : Service.values()) {
            var clock = get(service, "/admin/clock", ops);
            assertThat(clock.status()).as(clock.text()).isEqualTo(200);
            assertThat(clock.json().get("mode").asString()).isEqualTo("platform");
            assertThat(clock.headers().firstValue(CLOCK_HEADER))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("platform "));
            assertThat(names(clock.json().get("services"))).contains("intake", "dispatch", "parts", "followup");
        }
        var health = get(Service.INTAKE, "/actuator/health/readiness", null);
        assertThat(health.headers().firstValue(CLOCK_HEADER)).isPresent();
        assertThat(get(Service.INTAKE, "/admin/clock", agent).status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void the_clock_never_goes_backwards() {
        var now = platformTime();
        for (var body : List.of(
                Map.of("to", now.minus(Duration.ofHours(1)).toString()),
                Map.of("by", "-PT1H"),
                Map.of("by", "PT0S"),
                Map.of("by", "soon"),
                Map.<String, String>of(),
                Map.of("by", "PT1H", "to", now.plus(Duration.ofHours(2)).toString()))) {
            var refused = post(Service.DISPATCH, "/admin/clock", ops, body);
            assertThat(refused.status()).as(body + " → " + refused.text()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(platformTime()).isBefore(now.plus(Duration.ofMinutes(1)));
    }

    @Test
    @Order(3)
    void four_hours_and_a_minute_without_an_answer_breach_the_first_answer_clock_once_at_platform_time() {
        var complaintId = register(machineOf("T-001", 0));
        var firstAnswerDue = Instant.parse(
                complaint(complaintId).get("sla").get("firstAnswerDue").asString());

        var advanced = advance("PT4H1M");
        var after = Instant.parse(advanced.get("to").asString());

        var breaches = eventsOf(COMPLAINTS_TOPIC, SLA_BREACHED).stream()
                .filter(e -> e.payload().get("complaintId").asString().equals(complaintId))
                .toList();
        assertThat(breaches).as("exactly one clock breached").hasSize(1);
        var breach = breaches.get(0);
        assertThat(breach.payload().get("clock").asString()).isEqualTo("FIRST_ANSWER");
        var breachedAt = Instant.parse(breach.payload().get("breachedAt").asString());
        assertThat(breachedAt)
                .as("platform time, not wall time")
                .isAfterOrEqualTo(firstAnswerDue)
                .isBeforeOrEqualTo(after)
                .isAfter(Instant.now().plus(Duration.ofHours(3)));
        assertThat(breach.time()).as("ce_time").isBetween(breachedAt, breachedAt.plusSeconds(5));
        var clocks = complaint(complaintId).get("clocks");
        assertThat(clocks.get("firstAnswer").get("state").asString()).isEqualTo("BREACHED");
        assertThat(clocks.get("onSite").get("state").asString()).isNotEqualTo("BREACHED");
        assertThat(clocks.get("resolution").get("state").asString()).isNotEqualTo("BREACHED");
    }

    @Test
    @Order(4)
    void an_offer_nobody_accepts_goes_to_the_next_candidate_sixteen_minutes_later() {
        var machine = machineOf("T-002", 0);
        var complaintId = register(machine);
        awaitAssigned(complaintId, 1);
        var offered = assignedTo(complaintId).get(0);

        advance("PT16M");

        var declined = eventsOf(ASSIGNMENTS_TOPIC, ASSIGNMENT_DECLINED).stream()
                .map(Event::payload)
                .filter(e -> e.get("complaintId").asString().equals(complaintId))
                .toList();
        assertThat(declined).hasSize(1);
        assertThat(declined.get(0).get("timedOut").asBoolean()).isTrue();
        assertThat(declined.get(0).get("technicianId").asString()).isEqualTo(offered);
        var assigned = assignedTo(complaintId);
        assertThat(assigned).hasSize(2);
        assertThat(assigned.get(1)).isNotEqualTo(offered);
    }

    @Test
    @Order(5)
    void a_reservation_for_an_appointment_is_released_once_after_its_end_and_the_grace() {
        var machine = machineOf("T-001", 1);
        var installer = stack.technicianToken(machine.installerId(), machine.dealerId());
        var complaintId = register(machine);
        var assignmentId = awaitOwnAssignment(installer, complaintId);
        assertThat(post(
                                Service.DISPATCH,
                                "/api/technician/assignments/" + assignmentId + "/acceptance",
                                installer,
                                Map.of())
                        .status())
                .isEqualTo(200);
        var start = platformTime().plus(Duration.ofHours(2));
        var appointment = put(
                Service.DISPATCH,
                "/api/technician/assignments/" + assignmentId + "/appointment",
                installer,
                Map.of(
                        "windowStart",
                        start.toString(),
                        "windowEnd",
                        start.plus(Duration.ofHours(2)).toString()));
        assertThat(appointment.status()).as(appointment.text()).isEqualTo(200);
        var requested = post(
                Service.DISPATCH,
                "/api/technician/assignments/" + assignmentId + "/parts-requests",
                installer,
                Map.of("partNumber", "FLT-RO-01", "quantity", 1));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        var requestId = requested.json().get("requestId").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> partStatus(installer, assignmentId, requestId).equals("RESERVED"));

        advance("PT27H"); // the window ends 4 h from now; the grace is 24 h
        assertThat(released(requestId)).as("not before the end and the grace").isEmpty();
        advance("PT2H");
        advance("PT6H");

        assertThat(released(requestId)).hasSize(1);
    }

    @Test
    @Order(6)
    void a_key_customer_without_contact_for_200_days_is_silent_and_has_a_care_task() {
        var key = DEMO.customerTiers().entrySet().stream()
                .filter(t -> t.getValue().equals("KEY"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();

        var tasksBefore = careTasksOf(key);

        advance("P200D");

        assertThat(allPages("/api/customers/silent", supervisor)
                        .map(c -> c.get("customerId").asString()))
                .contains(key);
        assertThat(careTasksOf(key))
                .as("care tasks fell due while the platform lived through 200 days")
                .isGreaterThan(tasksBefore);
    }

    private static long careTasksOf(String customerId) {
        return allPages("/api/care/tasks", supervisor)
                .filter(t -> t.get("customerId").asString().equals(customerId))
                .count();
    }

    @Test
    @Order(7)
    void dispatch_restarted_between_advances_goes_on_from_the_platform_time_and_no_sweep_acts_twice() throws Exception {
        var complaintId = register(machineOf("T-004", 0));
        awaitAssigned(complaintId, 1);
        advance("PT5M");
        var before = platformTime();
        var offsets = endOffsets(ASSIGNMENTS_TOPIC);

        stack.stopService(Service.DISPATCH);
        stack.startService(Service.DISPATCH);
        var learned = get(Service.DISPATCH, "/admin/clock", ops).json();
        assertThat(Instant.parse(learned.get("platformTime").asString())).isAfterOrEqualTo(before);

        advance("PT16M");

        var after = eventsOf(ASSIGNMENTS_TOPIC, null).stream()
                .filter(e -> e.offset() >= offsets.getOrDefault(e.partition(), 0L))
                .toList();
        assertThat(after).isNotEmpty();
        assertThat(after).allSatisfy(e -> assertThat(e.time()).as(e.type()).isAfterOrEqualTo(before));
        var timeouts = eventsOf(ASSIGNMENTS_TOPIC, ASSIGNMENT_DECLINED).stream()
                .map(Event::payload)
                .filter(e -> e.get("complaintId").asString().equals(complaintId))
                .toList();
        assertThat(timeouts).as("the offer timed out once").hasSize(1);
    }

    @Test
    @Order(8)
    void idempotency_keys_tokens_and_the_outbox_keep_wall_time_across_a_30_day_advance() {
        var key = UUID.randomUUID().toString();
        var machine = DEMO.machines().stream()
                .filter(m -> m.installerId().equals("T-005"))
                .findFirst()
                .orElseThrow();
        var body = DEMO.complaint(machine.serialNumber(), "REPAIR", "机器故障");
        var first = postWithKey(Service.INTAKE, "/api/complaints", agent, body, key);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        var topics = List.of(COMPLAINTS_TOPIC, ASSIGNMENTS_TOPIC, RESERVATIONS_TOPIC);
        var idsBefore = new HashMap<String, List<String>>();
        var offsetsBefore = new HashMap<String, Map<Integer, Long>>();
        for (var topic : topics) {
            idsBefore.put(topic, eventsOf(topic, null).stream().map(Event::id).toList());
            offsetsBefore.put(topic, endOffsets(topic));
        }

        advance("P30D");

        // The key is kept 24 h of wall time: the retry still gets the first answer, nothing registered twice.
        var retried = postWithKey(Service.INTAKE, "/api/complaints", agent, body, key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("complaintId").asString())
                .isEqualTo(first.json().get("complaintId").asString());
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isPresent();
        // A token minted before the advance expires by wall time, not 30 platform days later.
        assertThat(get(
                                Service.INTAKE,
                                "/api/complaints/"
                                        + first.json().get("complaintId").asString(),
                                agent)
                        .status())
                .isEqualTo(200);
        // Nothing counts as an old unpublished event (the outbox measures its grace in wall time), so
        // nothing the advance set off was published twice, nor anything from before it again.
        for (var service : Service.values()) {
            var backlog = get(service, "/actuator/prometheus", ops)
                    .text()
                    .lines()
                    .filter(line -> line.startsWith("aftersales_outbox_backlog"))
                    .toList();
            assertThat(backlog)
                    .as(service.id())
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).endsWith(" 0.0"));
        }
        for (var topic : topics) {
            var offsets = offsetsBefore.get(topic);
            var published = eventsOf(topic, null).stream()
                    .filter(e -> e.offset() >= offsets.getOrDefault(e.partition(), 0L))
                    .map(Event::id)
                    .toList();
            assertThat(new HashSet<>(published))
                    .as(topic + ": nothing published twice")
                    .hasSize(published.size());
            assertThat(published)
                    .as(topic + ": nothing published again")
                    .doesNotContainAnyElementsOf(idsBefore.get(topic));
        }
    }

    // ---- the clock ----

    private static Instant platformTime() {
        var clock = get(Service.INTAKE, "/admin/clock", ops);
        assertThat(clock.status()).as(clock.text()).isEqualTo(200);
        return Instant.parse(clock.json().get("platformTime").asString());
    }

    /** Advances through OPS' door; returns when every service applied it. */
    private static JsonNode advance(String by) {
        var started = System.nanoTime();
        var advanced = send(
                HttpRequest.newBuilder(uri(Service.INTAKE, "/admin/clock"))
                        .header("Authorization", "Bearer " + ops)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("by", by)))),
                Duration.ofMinutes(10));
        assertThat(advanced.status()).as(advanced.text()).isEqualTo(200);
        System.out.printf(
                "[e2e-clock] advanced %s in %d steps, %d ms%n",
                by,
                advanced.json().get("steps").asInt(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        for (var service : advanced.json().get("clock").get("services")) {
            assertThat(Instant.parse(service.get("appliedTime").asString()))
                    .as(service.get("service").asString() + " applied the new time")
                    .isAfterOrEqualTo(Instant.parse(advanced.json().get("to").asString()));
        }
        return advanced.json();
    }

    // ---- cases ----

    /** The {@code index}-th household machine the given technician installed. */
    private static DemoArchive.Machine machineOf(String installerId, int index) {
        return DEMO.machines().stream()
                .filter(m -> m.installerId().equals(installerId))
                .filter(m -> m.productLine().equals(DemoArchive.WATER_PURIFIER))
                .skip(index)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no water purifier " + index + " of " + installerId));
    }

    private static String register(DemoArchive.Machine machine) {
        var registered = post(
                Service.INTAKE, "/api/complaints", agent, DEMO.complaint(machine.serialNumber(), "REPAIR", "净水器漏水"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.json().get("complaintId").asString();
    }

    private static JsonNode complaint(String complaintId) {
        return get(Service.INTAKE, "/api/complaints/" + complaintId, agent).json();
    }

    private static List<String> assignedTo(String complaintId) {
        return eventsOf(ASSIGNMENTS_TOPIC, TECHNICIAN_ASSIGNED).stream()
                .map(Event::payload)
                .filter(e -> e.get("complaintId").asString().equals(complaintId))
                .map(e -> e.get("technicianId").asString())
                .toList();
    }

    private static void awaitAssigned(String complaintId, int times) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> assignedTo(complaintId).size() >= times);
    }

    private static String awaitOwnAssignment(String technicianToken, String complaintId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> elements(get(Service.DISPATCH, "/api/technician/assignments?limit=200", technicianToken)
                                        .json()
                                        .path("items"))
                                .filter(a -> a.get("complaintId").asString().equals(complaintId))
                                .map(a -> a.get("assignmentId").asString())
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static String partStatus(String technicianToken, String assignmentId, String requestId) {
        var assignment = get(Service.DISPATCH, "/api/technician/assignments/" + assignmentId, technicianToken);
        return elements(assignment.json().get("parts"))
                .filter(p -> p.get("requestId").asString().equals(requestId))
                .map(p -> p.get("status").asString())
                .findFirst()
                .orElse("");
    }

    private static List<JsonNode> released(String requestId) {
        return eventsOf(RESERVATIONS_TOPIC, RESERVATION_RELEASED).stream()
                .map(Event::payload)
                .filter(e -> e.get("requestId").asString().equals(requestId))
                .toList();
    }

    // ---- the broker ----

    private record Event(int partition, long offset, String id, String type, Instant time, JsonNode payload) {}

    /** Every event (of one type, or all when {@code ceType} is null) on a topic, from its beginning. */
    private static List<Event> eventsOf(String topic, String ceType) {
        var props = new HashMap<>(stack.kafkaClient(BusAccess.ADMIN));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var events = new ArrayList<Event>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var type = header(record.headers().lastHeader("ce_type"));
                    if (ceType == null || ceType.equals(type)) {
                        events.add(new Event(
                                record.partition(),
                                record.offset(),
                                header(record.headers().lastHeader("ce_id")),
                                type,
                                Instant.parse(header(record.headers().lastHeader("ce_time"))),
                                JSON.readTree(record.value())));
                    }
                }
            }
        }
        return events;
    }

    private static String header(org.apache.kafka.common.header.Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        var props = new HashMap<>(stack.kafkaClient(BusAccess.ADMIN));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            var result = new HashMap<Integer, Long>();
            consumer.endOffsets(partitions).forEach((p, offset) -> result.put(p.partition(), offset));
            return result;
        }
    }

    // ---- plumbing ----

    private record Response(int status, String text, HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private static Response get(Service service, String path, String token) {
        var request = HttpRequest.newBuilder(uri(service, path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request, Duration.ofSeconds(30));
    }

    private static Response post(Service service, String path, String token, Object body) {
        return send(
                HttpRequest.newBuilder(uri(service, path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))),
                Duration.ofMinutes(10));
    }

    private static Response put(Service service, String path, String token, Object body) {
        return send(
                HttpRequest.newBuilder(uri(service, path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))),
                Duration.ofSeconds(30));
    }

    private static Response postWithKey(Service service, String path, String token, Object body, String key) {
        return send(
                HttpRequest.newBuilder(uri(service, path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))),
                Duration.ofSeconds(30));
    }

    private static Response send(HttpRequest.Builder request, Duration timeout) {
        try {
            var response = HTTP.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static URI uri(Service service, String path) {
        return stack.url(service).resolve(path);
    }

    /** Every item of one of follow-up's paged lists, page after page. */
    private static Stream<JsonNode> allPages(String path, String token) {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var page = get(
                    Service.FOLLOWUP,
                    path + "?limit=200"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    token);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            elements(page.json().path("items")).forEach(all::add);
            cursor = page.json().path("next").isString()
                    ? page.json().get("next").asString()
                    : null;
        } while (cursor != null);
        return all.stream();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return array == null ? Stream.empty() : StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> names(JsonNode services) {
        return elements(services).map(s -> s.get("service").asString()).toList();
    }
}
