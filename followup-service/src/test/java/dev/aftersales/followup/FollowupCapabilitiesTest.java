package dev.aftersales.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationPart;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.CustomerDissatisfied;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.followup.CustomerUnreachable;
import dev.aftersales.contracts.followup.RepeatFailureDetected;
import dev.aftersales.contracts.followup.ReturnCallMade;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.contracts.followup.SurveyAnswered;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.intake.ResolutionCarriedOut;
import dev.aftersales.followup.care.application.SweepCareTasks;
import dev.aftersales.followup.care.domain.Customers;
import dev.aftersales.followup.quality.domain.Machines;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The issue's capabilities as agents, supervisors and the other services see them. */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class FollowupCapabilitiesTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String AGENT = TestTokens.agent("agent-1");
    static final String SUPERVISOR = TestTokens.token("sup-1", Map.of(), Role.SUPERVISOR);

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SweepCareTasks careSweep;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Machines machines;

    @Autowired
    ReturnCalls returnCalls;

    @Autowired
    Customers customers;

    final HttpClient http = HttpClient.newHttpClient();
    TestEvents events;

    @BeforeEach
    void connect() {
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    record Reply(int status, JsonNode json, String text) {}

    Reply send(String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        var text = response.body();
        return new Reply(response.statusCode(), text.isBlank() ? null : JSON.readTree(text), text);
    }

    Reply get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    /** The elements of an array, or the items of a page. */
    static List<JsonNode> elements(JsonNode array) {
        var items = array.isObject() && array.has("items") ? array.get("items") : array;
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    /** Every item of a paged list, page after page. */
    List<JsonNode> allPages(String path, String token) throws Exception {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var reply = get(
                    path + (path.contains("?") ? "&" : "?") + "limit=200"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    token);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            all.addAll(elements(reply.json()));
            cursor = reply.json().path("next").isString()
                    ? reply.json().get("next").asString()
                    : null;
        } while (cursor != null);
        return all;
    }

    /** Polls {@code path} until an element matches: read models fed by two topics settle in any order. */
    JsonNode eventually(String path, String token, Predicate<JsonNode> match) throws Exception {
        var deadline = System.nanoTime() + WAIT.toNanos();
        Reply last;
        do {
            last = get(path, token);
            assertThat(last.status()).as(last.text()).isEqualTo(200);
            var items =
                    last.json().isObject() && last.json().has("items") ? allPages(path, token) : elements(last.json());
            var found = items.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("nothing matched on " + path + ": " + last.text());
    }

    static ComplaintRegistered registered(
            String complaintId, String serial, String customerId, String batch, Instant registeredAt) {
        return new ComplaintRegistered(
                complaintId,
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                serial,
                "WP-200",
                "no water",
                "repair",
                new CaseContact("张三", "13800000000", "上海", "310000"),
                "agent-1",
                registeredAt,
                registeredAt.plus(Duration.ofHours(1)),
                registeredAt.plus(Duration.ofHours(24)),
                registeredAt.plus(Duration.ofHours(72)),
                Priority.NORMAL,
                false,
                customerId,
                batch);
    }

    static VisitCompleted completed(String assignmentId, String complaintId, String serial, Instant completedAt) {
        return new VisitCompleted(
                assignmentId,
                complaintId,
                "T-" + complaintId,
                "D-SH",
                serial,
                "滤芯堵塞",
                "filter clogged",
                List.of(new PartLine("FLT-RO-01", 1)),
                BigDecimal.ZERO,
                true,
                completedAt);
    }

    static Predicate<EventTap.Seen> scheduled(String returnCallId) {
        return s -> s.is(ReturnCallScheduled.class) && s.payload().contains("\"" + returnCallId + "\"");
    }

    @Test
    void a_phone_resolution_schedules_one_call_24_hours_later_also_when_delivered_twice() {
        var resolvedAt = clock.instant();
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            var resolved = new ComplaintResolvedByPhone("C-phone", "reset the filter light", "agent-1", resolvedAt);
            var eventId = UUID.randomUUID().toString();
            events.publish(resolved, "C-phone", eventId);
            events.publish(resolved, "C-phone", eventId);
            events.publish(resolved, "C-phone");
            // Same key, same partition: once the marker is answered, the three before it were handled.
            events.publish(new ComplaintResolvedByPhone("C-phone-marker", null, "agent-1", resolvedAt), "C-phone");

            tap.await(scheduled("RC-PHONE-C-phone-marker"), WAIT);
            var calls = tap.drain(Duration.ofMillis(500)).stream()
                    .filter(scheduled("RC-PHONE-C-phone"))
                    .toList();
            assertThat(calls).hasSize(1);
            var call = calls.get(0).as(ReturnCallScheduled.class);
            assertThat(call.reason()).isEqualTo(ReturnCallReason.AFTER_PHONE_RESOLUTION);
            assertThat(call.dueAt()).isEqualTo(resolvedAt.plus(Duration.ofHours(24)));
        }
    }

    @Test
    void an_installation_schedules_one_thank_you_call_two_days_later_also_when_delivered_twice() {
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            var installed = installation("WP-INST-1");
            var eventId = UUID.randomUUID().toString();
            events.publish(installed, "WP-INST-1", eventId);
            events.publish(installed, "WP-INST-1", eventId);
            events.publish(installed, "WP-INST-1");
            events.publish(installation("WP-INST-1-marker"), "WP-INST-1");

            tap.await(scheduled("RC-INST-WP-INST-1-marker"), WAIT);
            var calls = tap.drain(Duration.ofMillis(500)).stream()
                    .filter(scheduled("RC-INST-WP-INST-1"))
                    .toList();
            assertThat(calls).hasSize(1);
            var call = calls.get(0).as(ReturnCallScheduled.class);
            assertThat(call.reason()).isEqualTo(ReturnCallReason.THANK_YOU_AFTER_INSTALLATION);
            assertThat(call.complaintId()).isEqualTo("INST-WP-INST-1");
            // Installed on 1 March: due when the calling day starts (09:00 in Shanghai) two days later.
            assertThat(call.dueAt()).isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
        }
    }

    static InstallationRecorded installation(String serial, Boolean thankYouCall, String complaintId) {
        var i = installation(serial);
        return new InstallationRecorded(
                i.serialNumber(),
                i.model(),
                i.productLine(),
                i.customerId(),
                i.customerName(),
                i.customerPhone(),
                i.address(),
                i.regionCode(),
                i.dealerId(),
                i.installerId(),
                i.installedOn(),
                i.wholeMachineWarrantyUntil(),
                i.mainPartsWarrantyUntil(),
                thankYouCall,
                complaintId);
    }

    @Test
    void a_thank_you_call_is_owed_only_when_the_installation_says_so_also_for_an_installation_case() {
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(installation("WP-TY-HIST", false, null), "WP-TY-HIST");
            events.publish(installation("WP-TY-CASE", true, "C-install-1"), "WP-TY-CASE");
            events.publish(installation("WP-TY-OLD", null, null), "WP-TY-OLD");

            var ofTheCase = tap.await(scheduled("RC-INST-WP-TY-CASE"), WAIT).as(ReturnCallScheduled.class);
            assertThat(ofTheCase.reason()).isEqualTo(ReturnCallReason.THANK_YOU_AFTER_INSTALLATION);
            assertThat(ofTheCase.complaintId()).isEqualTo("INST-WP-TY-CASE");
            tap.await(scheduled("RC-INST-WP-TY-OLD"), WAIT);
            assertThat(tap.drain(Duration.ofSeconds(2))).noneMatch(scheduled("RC-INST-WP-TY-HIST"));
        }
        assertThat(returnCalls.find("RC-INST-WP-TY-HIST")).isEmpty();
    }

    @Test
    void a_resolution_carried_out_gets_a_return_call_and_the_loop_runs_until_the_customer_is_satisfied()
            throws Exception {
        clock.set(FollowupTestClock.START);
        var carriedOutAt = clock.instant();
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(
                    registered("C-res", "WP-RES", "CU-res", null, carriedOutAt.minus(Duration.ofDays(5))), "C-res");
            var carriedOut = new ResolutionCarriedOut("C-res", "RES-C-res-1", 1, carriedOutAt);
            events.publish(carriedOut, "C-res");
            events.publish(carriedOut, "C-res"); // redelivered under a new id

            var call = tap.await(scheduled("RC-RES-C-res"), WAIT).as(ReturnCallScheduled.class);
            assertThat(call.complaintId()).isEqualTo("C-res");
            assertThat(call.reason()).isEqualTo(ReturnCallReason.AFTER_RESOLUTION);
            assertThat(call.dueAt()).isEqualTo(carriedOutAt.plus(Duration.ofHours(24)));

            var dissatisfied = send(
                    "POST",
                    "/api/return-calls/RC-RES-C-res/survey",
                    AGENT,
                    Map.of(
                            "questionnaireId",
                            "servqual-zh-v1",
                            "answers",
                            answers("servqual-zh-v1", 6, 3),
                            "solved",
                            false,
                            "satisfaction",
                            2));
            assertThat(dissatisfied.status()).as(dissatisfied.text()).isEqualTo(201);
            var unhappy = tap.await(s -> s.is(CustomerDissatisfied.class) && "C-res".equals(s.key()), WAIT)
                    .as(CustomerDissatisfied.class);
            assertThat(unhappy.round()).isEqualTo(1);

            // Intake hands the case back to the supervisor; the next round's resolution is carried out too.
            clock.advance(Duration.ofDays(3));
            events.publish(new ResolutionCarriedOut("C-res", "RES-C-res-2", 2, clock.instant()), "C-res");
            tap.await(scheduled("RC-RES-C-res-R2"), WAIT);
            var satisfied = send(
                    "POST",
                    "/api/return-calls/RC-RES-C-res-R2/survey",
                    AGENT,
                    Map.of(
                            "questionnaireId",
                            "servqual-en-v1",
                            "answers",
                            answers("servqual-en-v1", 5, 6),
                            "solved",
                            true,
                            "satisfaction",
                            5));
            assertThat(satisfied.status()).as(satisfied.text()).isEqualTo(201);
            var happy = tap.await(s -> s.is(CustomerSatisfied.class) && "C-res".equals(s.key()), WAIT)
                    .as(CustomerSatisfied.class);
            assertThat(happy.round()).isEqualTo(2);

            assertThat(tap.drain(Duration.ofSeconds(1)).stream()
                            .filter(s -> "C-res".equals(s.key()) && s.is(ReturnCallScheduled.class)))
                    .as("one call per round, whatever the redeliveries")
                    .hasSize(2);
        }
    }

    @Test
    void a_key_customer_silent_beyond_the_period_gets_a_care_task_at_the_next_sweep() throws Exception {
        var start = Instant.parse("2027-06-01T00:00:00Z");
        clock.set(start);
        events.publish(registered("C-quiet", "WP-Q1", "KC-quiet", null, start.minus(Duration.ofDays(100))), "C-quiet");
        events.publish(
                registered("C-talked", "WP-Q2", "KC-talked", null, start.minus(Duration.ofDays(10))), "C-talked");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(customers.find("KC-quiet").map(c -> c.lastContactAt())).isPresent();
            assertThat(customers.find("KC-talked").map(c -> c.lastContactAt())).isPresent();
        });
        for (var customer : List.of("KC-quiet", "KC-talked")) {
            var reply = send("PUT", "/api/customers/" + customer + "/tier", SUPERVISOR, Map.of("tier", "KEY"));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        }

        // The next sweep, minutes later, not a quarter after the tier was set.
        clock.advance(Duration.ofMinutes(1));
        careSweep.sweep();
        assertThat(careTasks("KC-quiet")).containsExactly("CARE-KC-quiet-1 VISIT");
        assertThat(careTasks("KC-talked")).isEmpty();

        // The other one's silence reaches the KEY period (91 days) 81 days later.
        clock.set(start.plus(Duration.ofDays(80)));
        careSweep.sweep();
        assertThat(careTasks("KC-talked")).isEmpty();
        clock.set(start.plus(Duration.ofDays(81)));
        careSweep.sweep();
        assertThat(careTasks("KC-talked")).containsExactly("CARE-KC-talked-1 VISIT");
        assertThat(careTasks("KC-quiet")).containsExactly("CARE-KC-quiet-1 VISIT");
    }

    @Test
    void a_corrected_customer_replaces_the_machines_customer_and_an_older_record_does_not_undo_it() {
        var serial = "WP-COR-" + UUID.randomUUID().toString().substring(0, 6);
        events.publish(installation(serial), serial);
        var corrected = new InstallationCorrected(
                serial,
                1,
                Instant.now(),
                List.of(InstallationPart.CUSTOMER),
                "WP-200",
                "purifiers",
                "CU-NEW",
                "王五",
                "13900000001",
                "上海",
                "310000",
                "D-SH",
                "T-001",
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2027-02-28"),
                LocalDate.parse("2029-02-28"));
        events.publish(corrected, serial);
        events.publish(installation(serial), serial); // a replay of the original record, after the correction

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(machines.find(serial))
                        .hasValueSatisfying(m -> assertThat(m.archiveRevision()).isEqualTo(1)));
        // The replay sits behind the correction on the same partition; a marker after both shows it was handled.
        events.publish(installation(serial + "-marker"), serial);
        await().atMost(WAIT).until(() -> machines.find(serial + "-marker").isPresent());
        assertThat(machines.find(serial).orElseThrow().customerId()).isEqualTo("CU-NEW");
    }

    static InstallationRecorded installation(String serial) {
        return new InstallationRecorded(
                serial,
                "WP-200",
                "purifiers",
                "CU-" + serial,
                "李四",
                "13900000000",
                "上海",
                "310000",
                "D-SH",
                "T-001",
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2027-03-01"),
                LocalDate.parse("2029-03-01"));
    }

    @Test
    void the_call_list_shows_what_happened_on_the_case() throws Exception {
        clock.set(FollowupTestClock.START);
        var registeredAt = clock.instant().minus(Duration.ofDays(3));
        events.publish(registered("C-case", "WP-CASE", "CU-case", "B-2025-11", registeredAt), "C-case");
        events.publish(
                completed("ASG-C-case", "C-case", "WP-CASE", clock.instant().minus(Duration.ofHours(49))), "C-case");

        var entry = eventually(
                "/api/return-calls/due?within=PT0S",
                AGENT,
                c -> c.get("returnCallId").asString().equals("RC-ASG-C-case")
                        && c.get("history").size() == 2);

        assertThat(entry.get("serialNumber").asString()).isEqualTo("WP-CASE");
        assertThat(entry.get("model").asString()).isEqualTo("WP-200");
        assertThat(entry.get("batchNumber").asString()).isEqualTo("B-2025-11");
        assertThat(entry.get("customerId").asString()).isEqualTo("CU-case");
        assertThat(entry.get("technicianId").asString()).isEqualTo("T-C-case");
        assertThat(entry.get("round").asInt()).isEqualTo(1);
        assertThat(entry.get("history").get(0).get("what").asString()).startsWith("registered: REPAIR");
        assertThat(entry.get("history").get(1).get("what").asString())
                .isEqualTo("visit completed by T-C-case, fixed, parts FLT-RO-01");
        assertThat(entry.toString()).doesNotContain("13800000000", "张三");
    }

    @Test
    void three_unanswered_tries_make_the_customer_unreachable_on_the_supervisors_list() throws Exception {
        clock.set(FollowupTestClock.START);
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(
                    completed(
                            "ASG-C-noanswer",
                            "C-noanswer",
                            "WP-NA",
                            clock.instant().minus(Duration.ofHours(48))),
                    "C-noanswer");
            tap.await(scheduled("RC-ASG-C-noanswer"), WAIT);

            var path = "/api/return-calls/RC-ASG-C-noanswer/attempts";
            var first = send("POST", path, AGENT, Map.of("outcome", "NO_ANSWER"));
            assertThat(first.status()).as(first.text()).isEqualTo(200);
            assertThat(first.json().get("status").asString()).isEqualTo("DUE");
            assertThat(Instant.parse(first.json().get("dueAt").asString()))
                    .isEqualTo(clock.instant().plus(Duration.ofDays(1)));

            clock.advance(Duration.ofDays(1));
            assertThat(send("POST", path, AGENT, Map.of("outcome", "NO_ANSWER"))
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("DUE");
            clock.advance(Duration.ofDays(1));
            var third = send("POST", path, AGENT, Map.of("outcome", "NO_ANSWER"));
            assertThat(third.json().get("status").asString()).isEqualTo("UNREACHABLE");

            var unreachable = tap.await(s -> s.is(CustomerUnreachable.class) && "C-noanswer".equals(s.key()), WAIT)
                    .as(CustomerUnreachable.class);
            assertThat(unreachable.attempts()).isEqualTo(3);
            assertThat(tap.drain(Duration.ofMillis(500)))
                    .filteredOn(s -> s.is(ReturnCallMade.class) && "C-noanswer".equals(s.key()))
                    .hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(allPages("/api/return-calls/unreachable", SUPERVISOR))
                .anyMatch(c -> c.get("returnCallId").asString().equals("RC-ASG-C-noanswer"));
        assertThat(get("/api/return-calls/unreachable", AGENT).status()).isEqualTo(403);
        assertThat(allPages("/api/return-calls/due?within=PT0S", AGENT))
                .noneMatch(c -> c.get("returnCallId").asString().equals("RC-ASG-C-noanswer"));
        assertThat(send("POST", "/api/return-calls/RC-ASG-C-noanswer/attempts", AGENT, Map.of("outcome", "REACHED"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void a_try_on_a_call_another_agent_saved_meanwhile_gets_409_and_counts_nothing() throws Exception {
        var assignmentId = UnreliableReturnCalls.OVERTAKEN + "1";
        var complaintId = "C-overtaken";
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(
                    completed(
                            assignmentId, complaintId, "WP-OT", clock.instant().minus(Duration.ofHours(49))),
                    complaintId);
            tap.await(scheduled("RC-" + assignmentId), WAIT);

            var reply = send(
                    "POST",
                    "/api/return-calls/RC-" + assignmentId + "/attempts",
                    AGENT,
                    Map.of("outcome", "NO_ANSWER"));

            assertThat(reply.status()).as(reply.text()).isEqualTo(409);
            assertThat(returnCalls.find("RC-" + assignmentId).orElseThrow().attempts())
                    .isZero();
            assertThat(tap.drain(Duration.ofMillis(500)))
                    .filteredOn(s -> s.is(ReturnCallMade.class) && complaintId.equals(s.key()))
                    .isEmpty();
        }
    }

    List<Map<String, Object>> answers(String questionnaireId, int expectation, int perception) throws Exception {
        var questionnaire = get("/api/questionnaires/" + questionnaireId, AGENT);
        assertThat(questionnaire.status()).as(questionnaire.text()).isEqualTo(200);
        var answers = new ArrayList<Map<String, Object>>();
        for (var q : elements(questionnaire.json().get("questions"))) {
            answers.add(
                    Map.of("questionId", q.get("id").asString(), "expectation", expectation, "perception", perception));
        }
        return answers;
    }

    @Test
    void the_default_questionnaires_in_chinese_and_english_are_loaded_as_data() throws Exception {
        var all = elements(get("/api/questionnaires", AGENT).json());
        assertThat(all).extracting(q -> q.get("id").asString()).contains("servqual-zh-v1", "servqual-en-v1");
        var zh = get("/api/questionnaires/servqual-zh-v1", AGENT).json();
        assertThat(zh.get("language").asString()).isEqualTo("zh");
        assertThat(zh.get("questions").size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void a_dissatisfied_customer_is_followed_up_after_the_next_visit_until_satisfied() throws Exception {
        clock.set(FollowupTestClock.START);
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(registered("C-loop", "WP-LOOP", "CU-loop", "B-1", clock.instant()), "C-loop");
            var firstVisit = completed("ASG-C-loop", "C-loop", "WP-LOOP", clock.instant());
            events.publish(firstVisit, "C-loop");
            tap.await(scheduled("RC-ASG-C-loop"), WAIT);

            var notSolved = Map.of(
                    "questionnaireId",
                    "servqual-zh-v1",
                    "answers",
                    answers("servqual-zh-v1", 6, 3),
                    "solved",
                    false,
                    "satisfaction",
                    2,
                    "suggestions",
                    "还是漏水");
            var first = send("POST", "/api/return-calls/RC-ASG-C-loop/survey", AGENT, notSolved);
            assertThat(first.status()).as(first.text()).isEqualTo(201);
            assertThat(first.json().get("round").asInt()).isEqualTo(1);
            assertThat(first.json().get("score").get("overall").decimalValue()).isEqualByComparingTo("-3");

            var answered = tap.await(s -> s.is(SurveyAnswered.class) && "C-loop".equals(s.key()), WAIT)
                    .as(SurveyAnswered.class);
            assertThat(answered.servqualGap()).isEqualByComparingTo("-3");
            assertThat(answered.technicianId()).isEqualTo("T-C-loop");
            var dissatisfied = tap.await(s -> s.is(CustomerDissatisfied.class) && "C-loop".equals(s.key()), WAIT)
                    .as(CustomerDissatisfied.class);
            assertThat(dissatisfied.round()).isEqualTo(1);
            assertThat(dissatisfied.solved()).isFalse();

            // The first completion told again is still round 1's: no new call.
            events.publish(firstVisit, "C-loop");
            // Intake reopens, dispatch sends someone again (here on the same assignment): the second
            // visit's call surveys round 2.
            clock.advance(Duration.ofDays(3));
            events.publish(completed("ASG-C-loop", "C-loop", "WP-LOOP", clock.instant()), "C-loop");
            tap.await(scheduled("RC-ASG-C-loop-R2"), WAIT);
            var satisfied = Map.of(
                    "questionnaireId",
                    "servqual-en-v1",
                    "answers",
                    answers("servqual-en-v1", 5, 6),
                    "solved",
                    true,
                    "satisfaction",
                    5);
            var second = send("POST", "/api/return-calls/RC-ASG-C-loop-R2/survey", AGENT, satisfied);
            assertThat(second.status()).as(second.text()).isEqualTo(201);
            assertThat(second.json().get("round").asInt()).isEqualTo(2);

            var done = tap.await(s -> s.is(CustomerSatisfied.class) && "C-loop".equals(s.key()), WAIT)
                    .as(CustomerSatisfied.class);
            assertThat(done.round()).isEqualTo(2);
            assertThat(done.satisfaction()).isEqualTo(5);

            // The same survey sent again changes nothing.
            assertThat(send("POST", "/api/return-calls/RC-ASG-C-loop-R2/survey", AGENT, satisfied)
                            .status())
                    .isEqualTo(201);
            var seen = tap.drain(Duration.ofMillis(500)).stream()
                    .filter(s -> "C-loop".equals(s.key()))
                    .toList();
            assertThat(seen).filteredOn(s -> s.is(CustomerSatisfied.class)).hasSize(1);
            assertThat(seen).filteredOn(s -> s.is(CustomerDissatisfied.class)).hasSize(1);
            assertThat(seen).filteredOn(s -> s.is(SurveyAnswered.class)).hasSize(2);
            assertThat(seen).filteredOn(s -> s.is(ReturnCallScheduled.class)).hasSize(2);
        }
        var technician = eventually(
                "/api/servqual/scores?by=technician",
                SUPERVISOR,
                g -> g.get("key").asString().equals("T-C-loop"));
        assertThat(technician.get("customers").asInt()).isEqualTo(2);
        assertThat(technician.get("overall").decimalValue()).isEqualByComparingTo("-1");
        assertThat(technician.get("byDimension").get("RELIABILITY").decimalValue())
                .isEqualByComparingTo("-1");
        assertThat(get("/api/servqual/scores?by=nonsense", SUPERVISOR).status()).isEqualTo(400);
    }

    @Test
    void a_machine_faulting_again_89_days_after_a_visit_is_a_repeat_failure_and_counts_in_the_quality_report()
            throws Exception {
        var visitAt = Instant.parse("2026-01-05T10:00:00Z");
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(
                    registered("C-rep1", "WP-REP", "CU-rep", "B-REP", visitAt.minus(Duration.ofDays(1))), "C-rep1");
            events.publish(completed("ASG-C-rep1", "C-rep1", "WP-REP", visitAt), "C-rep1");
            tap.await(scheduled("RC-ASG-C-rep1"), WAIT);

            events.publish(
                    registered("C-rep2", "WP-REP", "CU-rep", "B-REP", visitAt.plus(Duration.ofDays(89))), "C-rep2");

            var repeat = tap.await(s -> s.is(RepeatFailureDetected.class) && "C-rep2".equals(s.key()), WAIT)
                    .as(RepeatFailureDetected.class);
            assertThat(repeat.serialNumber()).isEqualTo("WP-REP");
            assertThat(repeat.previousComplaintId()).isEqualTo("C-rep1");
            assertThat(repeat.daysSince()).isEqualTo(89);
        }
        // the visit's month: the report counts the visits completed in the period it is asked for
        var row = eventually(
                "/api/quality/faults?from=2026-01-01&to=2026-01-31",
                SUPERVISOR,
                f -> f.get("batchNumber").asString().equals("B-REP"));
        assertThat(row.get("model").asString()).isEqualTo("WP-200");
        assertThat(row.get("partNumber").asString()).isEqualTo("FLT-RO-01");
        assertThat(row.get("faults").asLong()).isEqualTo(1);
    }

    @Test
    void care_tasks_fire_per_tier_at_their_periods_and_silent_customers_are_listed() throws Exception {
        var start = Instant.parse("2027-01-01T00:00:00Z");
        clock.set(start);
        events.publish(
                registered("C-silent", "WP-S1", "CU-silent", null, start.minus(Duration.ofDays(181))), "C-silent");
        events.publish(
                registered("C-recent", "WP-S2", "CU-recent", null, start.minus(Duration.ofDays(10))), "C-recent");
        for (var tier : Map.of("CU-key", "KEY", "CU-med", "MEDIUM", "CU-ord", "ORDINARY")
                .entrySet()) {
            var reply = send(
                    "PUT", "/api/customers/" + tier.getKey() + "/tier", SUPERVISOR, Map.of("tier", tier.getValue()));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        }
        assertThat(send("PUT", "/api/customers/CU-x/tier", SUPERVISOR, Map.of("tier", "GOLD"))
                        .status())
                .isEqualTo(400);
        assertThat(send("PUT", "/api/customers/CU-x/tier", AGENT, Map.of("tier", "KEY"))
                        .status())
                .isEqualTo(403);

        eventually(
                "/api/customers/silent",
                AGENT,
                c -> c.get("customerId").asString().equals("CU-silent"));
        clock.advance(Duration.ofDays(29));
        careSweep.sweep();
        assertThat(careTasks("CU-")).isEmpty();

        clock.advance(Duration.ofDays(1));
        careSweep.sweep();
        assertThat(careTasks("CU-")).containsExactly("CARE-CU-med-1 CALL");
        clock.advance(Duration.ofDays(30));
        careSweep.sweep();
        clock.advance(Duration.ofDays(31));
        careSweep.sweep();
        assertThat(careTasks("CU-"))
                .containsExactlyInAnyOrder(
                        "CARE-CU-med-1 CALL", "CARE-CU-med-2 CALL", "CARE-CU-med-3 CALL", "CARE-CU-key-1 VISIT");

        // 181 days after the recent customer's complaint they are silent, 179 days after not yet.
        clock.set(start.plus(Duration.ofDays(171)));
        eventually(
                "/api/customers/silent",
                AGENT,
                c -> c.get("customerId").asString().equals("CU-recent"));
        clock.set(start.plus(Duration.ofDays(169)));
        var silent = allPages("/api/customers/silent", AGENT).stream()
                .map(c -> c.get("customerId").asString())
                .toList();
        assertThat(silent).contains("CU-silent").doesNotContain("CU-recent", "CU-key", "CU-med", "CU-ord");
    }

    @Test
    void the_issues_metrics_are_registered_with_bounded_tags() {
        for (var name : List.of(
                "aftersales.returncalls.due",
                "aftersales.returncalls.overdue",
                "aftersales.survey.satisfaction.mean",
                "aftersales.care.silent")) {
            assertThat(meters.find(name).gauge()).as(name).isNotNull();
        }
        assertThat(meters.find("aftersales.servqual.gap").gauges())
                .extracting(g -> g.getId().getTag("dimension"))
                .contains("RELIABILITY", "RESPONSIVENESS", "ASSURANCE", "EMPATHY", "TANGIBLES", "OVERALL");
        assertThat(meters.find("aftersales.returncalls.scheduled").counters()).isNotEmpty();
    }

    List<String> careTasks(String prefix) throws Exception {
        return allPages("/api/care/tasks", AGENT).stream()
                .filter(t -> t.get("customerId").asString().startsWith(prefix))
                .map(t -> t.get("id").asString() + " " + t.get("kind").asString())
                .toList();
    }
}
