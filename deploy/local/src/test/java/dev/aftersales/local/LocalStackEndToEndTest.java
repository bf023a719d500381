package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aftersales.contracts.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first flow across all four services as they run for a user: the packaged jars as child
 * processes of {@link LocalStack}, a real Kafka broker, the in-memory store (with its snapshot file), tokens from the
 * launcher's key. Nothing is stubbed; each step waits for the service that owns it. The nested
 * classes run after this class's own tests (JUnit runs a class's methods before its nested classes),
 * and {@link EventsOnTheTopics} last of all: it checks every event the whole run put on the bus.
 */
@EndToEndStage
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

    private static final String ASSIGNMENTS_TOPIC = "dispatch.assignments.v1";
    private static final String COMPLAINTS_TOPIC = "intake.complaints.v1";
    private static final String TECHNICIAN_ASSIGNED = "aftersales.dispatch.TechnicianAssigned.v1";
    private static final String ARCHIVE_TOPIC = "dispatch.archive.v1";
    private static final String INSTALLATION_CORRECTED = "aftersales.dispatch.InstallationCorrected.v1";
    /** The chassis names a service's consumer group {@code <service>-service}. */
    private static final String DISPATCH_GROUP = "dispatch-service";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final DemoArchive DEMO = DemoArchive.get();

    /** Under target/ rather than a temp dir, so the services' logs are there to read after a failure. */
    private static final Path DATA_DIR = Path.of("target", "e2e-stack");

    private static final java.util.concurrent.atomic.AtomicInteger READERS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The {@code ce_id}s of the events this run broke on purpose: the topic-read check must catch each. */
    private static final java.util.Set<String> DELIBERATELY_BROKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static LocalStack stack;
    private static String agent;
    private static String dispatcher;
    private static String ops;

    @BeforeAll
    static void startTheStack() throws IOException {
        // A test JVM that was killed left its children running; they are stopped before their pid files go.
        var config = FreshStack.config(DATA_DIR);
        stack = LocalStack.start(config);
        agent = stack.token("agent-7", "AGENT");
        dispatcher = stack.token("dispatcher-1", "DISPATCHER");
        ops = stack.token("ops-1", "OPS");
        var rss = stack.residentMemory();
        System.out.printf(
                Locale.ROOT,
                "[e2e] stack ready: %s; resident memory %d MiB %s%n",
                stack.milestones(),
                rss.values().stream().mapToLong(Long::longValue).sum() >> 20,
                rss.entrySet().stream()
                        .map(e -> e.getKey() + "=" + (e.getValue() >> 20) + "MiB")
                        .toList());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_hotline_complaint_reaches_the_installer_gets_its_part_reserved_and_a_return_call() {
        var installer = stack.technicianToken("T-001", "D-SH");
        var colleague = stack.technicianToken("T-002", "D-SH");

        // (1) The agent registers a complaint about a demo machine.
        var sentAt = System.nanoTime();
        var registered = post(Service.INTAKE, "/api/complaints", agent, DEMO.complaint("WP-0001", "REPAIR", "净水器漏水"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        var complaintId = registered.json().get("complaintId").asString();
        assertThat(registered.headers().firstValue("Location")).hasValue("/api/complaints/" + complaintId);
        assertThat(registered.json().get("status").asString()).isEqualTo("OPEN");
        for (var due : List.of("firstAnswerDue", "onSiteDue", "resolutionDue")) {
            assertThat(Instant.parse(registered.json().get("sla").get(due).asString()))
                    .as(due)
                    .isAfter(Instant.now());
        }

        // (2) The original installer sees it in his app; nobody else can open it.
        var assignment = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> ownAssignment(installer, complaintId), Optional::isPresent)
                .orElseThrow();
        var latency = Duration.ofNanos(System.nanoTime() - sentAt);
        System.out.printf(Locale.ROOT, "[e2e] complaint to installer's list: %d ms%n", latency.toMillis());
        var assignmentId = assignment.get("assignmentId").asString();
        assertThat(assignment.get("serialNumber").asString()).isEqualTo("WP-0001");
        var decided = get(Service.DISPATCH, "/api/assignments/" + assignmentId, dispatcher);
        assertThat(decided.json().get("rule").asString()).isEqualTo("ORIGINAL_INSTALLER");
        assertThat(decided.json().get("technicianId").asString()).isEqualTo("T-001");
        assertThat(get(Service.DISPATCH, "/api/technician/assignments/" + assignmentId, colleague)
                        .status())
                .isEqualTo(404);

        // (3) He asks for a filter; parts reserves it at his dealer. His app retries the request
        // (a dropped answer) with the same client request id: still one request, one reservation.
        var partsRequests = "/api/technician/assignments/" + assignmentId + "/parts-requests";
        var clientRequestId = UUID.randomUUID().toString();
        var filter = Map.of("partNumber", "FLT-RO-01", "quantity", 1);
        var requested = postWithKey(Service.DISPATCH, partsRequests, installer, filter, clientRequestId);
        var retried = postWithKey(Service.DISPATCH, partsRequests, installer, filter, clientRequestId);
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        assertThat(retried.status()).as(retried.text()).isEqualTo(202);
        var requestId = requested.json().get("requestId").asString();
        assertThat(retried.json().get("requestId").asString()).isEqualTo(requestId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var part = partRequest(installer, assignmentId, requestId);
            assertThat(part.get("status").asString()).isEqualTo("RESERVED");
            assertThat(part.get("locationId").asString()).isEqualTo("D-SH");
        });
        assertThat(elements(get(Service.DISPATCH, "/api/technician/assignments/" + assignmentId, installer)
                                .json()
                                .get("parts"))
                        .toList())
                .hasSize(1);

        // (4) He completes the visit; followup schedules the return call 48 hours later.
        var before = Instant.now();
        var completed = post(
                Service.DISPATCH,
                "/api/technician/assignments/" + assignmentId + "/completion",
                installer,
                Map.of(
                        "diagnosis",
                        "RO膜破损",
                        "rootCause",
                        "水压过高",
                        "partsUsed",
                        List.of(Map.of("partNumber", "FLT-RO-01", "quantity", 1)),
                        "feeCharged",
                        0,
                        "fixed",
                        true));
        var after = Instant.now();
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        var returnCall = await().atMost(Duration.ofSeconds(30))
                .until(() -> returnCallDue(complaintId), Optional::isPresent)
                .orElseThrow();
        assertThat(Instant.parse(returnCall.get("dueAt").asString()))
                .isBetween(
                        before.plus(Duration.ofHours(48)).minusSeconds(1),
                        after.plus(Duration.ofHours(48)).plusSeconds(1));

        // (5) The case file shows every step, in order (other services may add steps between them).
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(timeline(complaintId))
                        .containsSubsequence(
                                "REGISTERED",
                                "TECHNICIAN_ASSIGNED",
                                "PARTS_REQUESTED",
                                "PARTS_RESERVED",
                                "VISIT_COMPLETED",
                                "RETURN_CALL_SCHEDULED"));
    }

    @Test
    void only_tokens_naming_the_api_as_audience_are_taken_so_tokens_from_before_it_no_longer_work() {
        var issuer = TokenIssuer.open(DATA_DIR.resolve("keys"), java.time.Clock.systemUTC());
        var now = Instant.now().getEpochSecond();
        var withoutAudience = issuer.sign(Map.of(
                "sub", "agent-7", "iss", TokenIssuer.ISSUER, "iat", now, "exp", now + 3600, "roles", List.of("AGENT")));

        for (var service : Service.values()) {
            assertThat(get(service, "/actuator/prometheus", withoutAudience).status())
                    .as(service + " with a token without aud")
                    .isEqualTo(401);
        }
        assertThat(get(Service.INTAKE, "/api/complaints/waiting", withoutAudience)
                        .status())
                .isEqualTo(401);
        assertThat(get(Service.INTAKE, "/api/callers?serialNumber=WP-0001", agent)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void complaints_registered_while_dispatch_is_down_get_exactly_one_assignment_each_after_it_restarts() {
        var machines = DEMO.machines().subList(1, 21);
        stack.stopService(Service.DISPATCH);
        var complaintIds = new ArrayList<String>();
        for (var machine : machines) {
            var registered = post(
                    Service.INTAKE, "/api/complaints", agent, DEMO.complaint(machine.serialNumber(), "REPAIR", "不制冷"));
            assertThat(registered.status()).as(registered.text()).isEqualTo(201);
            complaintIds.add(registered.json().get("complaintId").asString());
        }

        stack.startService(Service.DISPATCH);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> technicianAssignedByComplaint().keySet().containsAll(complaintIds));
        // Once dispatch has committed every registration, no later delivery can add a second one.
        await().atMost(Duration.ofSeconds(60)).until(LocalStackEndToEndTest::dispatchCaughtUp);
        var assigned = technicianAssignedByComplaint();
        for (var complaintId : complaintIds) {
            assertThat(assigned.get(complaintId))
                    .as("TechnicianAssigned of " + complaintId)
                    .hasSize(1);
            var event = assigned.get(complaintId).get(0);
            var view = get(
                    Service.DISPATCH,
                    "/api/assignments/" + event.get("assignmentId").asString(),
                    dispatcher);
            assertThat(view.status()).as(view.text()).isEqualTo(200);
            assertThat(view.json().get("complaintId").asString()).isEqualTo(complaintId);
            assertThat(view.json().get("technicianId").asString())
                    .isEqualTo(event.get("technicianId").asString());
        }
    }

    /**
     * Issues 3 and 6: a case stays open until the customer says it is solved. The first survey is
     * dissatisfied, so intake reopens the case, dispatch sends the installer again, followup calls
     * back after the second visit, and only the satisfied second survey closes the case.
     */
    @Test
    void a_dissatisfied_customer_gets_a_second_visit_and_the_case_closes_only_when_satisfied() {
        var machine = DEMO.machines().get(21);
        var installer = stack.technicianToken(machine.installerId(), machine.dealerId());
        var registered =
                post(Service.INTAKE, "/api/complaints", agent, DEMO.complaint(machine.serialNumber(), "REPAIR", "出水慢"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        var complaintId = registered.json().get("complaintId").asString();

        // Round 1: the installer comes, but the customer says the problem is not solved.
        var firstVisit = awaitOwnAssignment(installer, complaintId, a -> true);
        completeVisit(installer, firstVisit);
        var firstCall = awaitReturnCall(complaintId, 1);
        var notSolved = answerSurvey(firstCall, false, 2);
        assertThat(notSolved.status()).as(notSolved.text()).isEqualTo(201);

        // Intake reopens the case; dispatch starts a new cycle with its own assignment id.
        // (Its status moves on to ASSIGNED as soon as dispatch answers, so the timeline is what to watch.)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(timeline(complaintId)).contains("REOPENED"));
        assertThat(complaint(complaintId).get("status").asString()).isNotEqualTo("CLOSED");
        var secondVisit = awaitOwnAssignment(installer, complaintId, a -> !a.equals(firstVisit));
        assertThat(secondVisit).isEqualTo(firstVisit + "-R2");

        // Round 2: the second visit's return call finds the customer satisfied; the case closes.
        completeVisit(installer, secondVisit);
        var secondCall = awaitReturnCall(complaintId, 2);
        assertThat(secondCall).isNotEqualTo(firstCall);
        var satisfied = answerSurvey(secondCall, true, 5);
        assertThat(satisfied.status()).as(satisfied.text()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(complaint(complaintId).get("status").asString())
                                .isEqualTo("CLOSED"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(timeline(complaintId))
                        .containsSubsequence(
                                "REGISTERED",
                                "TECHNICIAN_ASSIGNED",
                                "VISIT_COMPLETED",
                                "RETURN_CALL_SCHEDULED",
                                "SURVEY_ANSWERED",
                                "CUSTOMER_DISSATISFIED",
                                "REOPENED",
                                "TECHNICIAN_ASSIGNED",
                                "VISIT_COMPLETED",
                                "RETURN_CALL_SCHEDULED",
                                "SURVEY_ANSWERED",
                                "CUSTOMER_SATISFIED",
                                "CLOSED"));
        // One reopening, one closing: the loop ran exactly once more.
        assertThat(timeline(complaintId)).filteredOn("REOPENED"::equals).hasSize(1);
        assertThat(timeline(complaintId)).filteredOn("CLOSED"::equals).hasSize(1);
    }

    /**
     * Issue 15: the demo archive enters dispatch by a bulk import, and still the hotline finds every
     * demo machine, by its serial and by its customer's phone as a caller gives it (with dashes, with
     * +86); none of those long-installed machines gets a thank-you call; the demo's KEY customers, silent
     * since their installation, are on follow-up's silent list with a care task.
     */
    @Test
    void the_hotline_finds_every_imported_demo_machine_and_none_of_them_is_thanked() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (var machine : DEMO.machines()) {
                assertThat(callerLookup("serialNumber=" + machine.serialNumber()))
                        .as(machine.serialNumber())
                        .hasSize(1);
            }
        });
        for (var machine : DEMO.machines()) {
            var phone = DEMO.customer(machine.customerId()).phone();
            for (var typed : List.of(
                    phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7), "+86 " + phone)) {
                assertThat(callerLookup("phone=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8)))
                        .as(typed)
                        .extracting(m -> m.get("serialNumber").asString())
                        .contains(machine.serialNumber());
            }
        }

        var demoSerials =
                DEMO.machines().stream().map(DemoArchive.Machine::serialNumber).collect(Collectors.toSet());
        // A thank-you call is RC-INST-<serial> (it belongs to no complaint).
        assertThat(returnCallsDue("P30D").map(call -> call.get("returnCallId").asString()))
                .noneMatch(id -> demoSerials.stream().anyMatch(serial -> id.equals("RC-INST-" + serial)));

        var supervisor = stack.token("supervisor-1", "SUPERVISOR");
        var keyCustomers = DEMO.customerTiers().entrySet().stream()
                .filter(tier -> tier.getValue().equals("KEY"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            // Customers other tests here called about are no longer silent.
            var called = eventsOf(COMPLAINTS_TOPIC, "aftersales.intake.ComplaintRegistered.v1").stream()
                    .map(e -> e.path("customerId").asString())
                    .collect(Collectors.toSet());
            var silent = followupPages("/api/customers/silent", supervisor)
                    .filter(c -> "KEY".equals(c.path("tier").asString()))
                    .map(c -> c.get("customerId").asString())
                    .collect(Collectors.toSet());
            var cared = followupPages("/api/care/tasks", supervisor)
                    .map(t -> t.get("customerId").asString())
                    .collect(Collectors.toSet());
            assertThat(keyCustomers).isNotEmpty();
            assertThat(silent)
                    .containsAll(keyCustomers.stream()
                            .filter(c -> !called.contains(c))
                            .toList());
            assertThat(cared).containsAll(silent);
        });
    }

    /**
     * Issue 11: a technician of another dealer reporting an archived machine as his new installation
     * is refused (409) and changes nothing: not the record (installer, date, warranty), not what the
     * hotline's caller lookup shows, not who gets the machine's next case. The office corrects a
     * record with a reason instead: kept as a history, published as InstallationCorrected, and shown
     * by the caller lookup.
     */
    @Test
    void an_archived_machine_cannot_be_taken_over_and_a_dispatchers_correction_reaches_the_hotline() {
        var machine = DEMO.machines().stream()
                .skip(30)
                .filter(m -> m.dealerId().equals("D-GZ") && m.installerId() != null)
                .filter(m -> DEMO.technicians().stream()
                        .anyMatch(t -> t.technicianId().equals(m.installerId()) && t.active()))
                .findFirst()
                .orElseThrow();
        var serial = machine.serialNumber();
        var intruder = DEMO.technicians().stream()
                .filter(t -> t.active() && !t.dealerId().equals(machine.dealerId()))
                .filter(t -> t.productLines().contains(machine.productLine()))
                .findFirst()
                .orElseThrow();
        var before = get(Service.DISPATCH, "/api/installations/" + serial, dispatcher);
        assertThat(before.status()).as(before.text()).isEqualTo(200);

        // The dispatcher corrects the customer's contact, saying why.
        var corrected = post(
                Service.DISPATCH,
                "/api/installations/" + serial + "/corrections",
                dispatcher,
                Map.of(
                        "reason",
                        "客户来电更正联系人",
                        "customer",
                        Map.of("customerId", machine.customerId(), "name", "陈静", "phone", "13700001111")));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        var history = corrected.json().get("corrections").get(0);
        assertThat(history.get("correctedBy").asString()).isEqualTo("dispatcher-1");
        assertThat(history.get("reason").asString()).isEqualTo("客户来电更正联系人");
        assertThat(history.get("parts").get(0).asString()).isEqualTo("CUSTOMER");
        var shown = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> callerLookup("phone=13700001111"), machines -> machines.size() == 1)
                .get(0);
        assertThat(eventsOf(ARCHIVE_TOPIC, INSTALLATION_CORRECTED))
                .filteredOn(e -> e.get("serialNumber").asString().equals(serial))
                .singleElement()
                .satisfies(e -> assertThat(e.get("customerPhone").asString()).isEqualTo("13700001111"));
        assertThat(shown.get("serialNumber").asString()).isEqualTo(serial);
        assertThat(shown.get("customerName").asString()).isEqualTo("陈静");
        assertThat(shown.get("installerId").asString()).isEqualTo(machine.installerId());
        assertThat(shown.get("installedOn").asString())
                .isEqualTo(machine.installedOn().toString());

        // A technician of another dealer reports the machine as his own new installation: refused.
        var hijack = post(
                Service.DISPATCH,
                "/api/installations",
                stack.technicianToken(intruder.technicianId(), intruder.dealerId()),
                Map.of(
                        "serialNumber", serial,
                        "dealerId", intruder.dealerId(),
                        "customer", Map.of("name", "假客户", "phone", "13900000000"),
                        "site", Map.of("address", "北京市朝阳区建国路1号", "regionCode", "110105")));
        assertThat(hijack.status()).as(hijack.text()).isEqualTo(409);
        assertThat(hijack.json().get("type").asString()).isEqualTo("urn:aftersales:problem:already-archived");

        var after = get(Service.DISPATCH, "/api/installations/" + serial, dispatcher)
                .json();
        for (var field : List.of("installerId", "dealerId", "installedOn", "wholeMachineWarrantyUntil")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.json().get(field));
        }
        assertThat(after.get("revision").asInt()).isEqualTo(1);
        assertThat(callerLookup("serialNumber=" + serial)).containsExactly(shown);
        assertThat(callerLookup("phone=13900000000")).isEmpty();

        // The machine's next case still goes to its original installer.
        var registered = post(Service.INTAKE, "/api/complaints", agent, DEMO.complaint(serial, "REPAIR", "净水器不出水"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        var complaintId = registered.json().get("complaintId").asString();
        var installer = stack.technicianToken(machine.installerId(), machine.dealerId());
        var assignmentId = awaitOwnAssignment(installer, complaintId, a -> true);
        assertThat(get(Service.DISPATCH, "/api/assignments/" + assignmentId, dispatcher)
                        .json()
                        .get("technicianId")
                        .asString())
                .isEqualTo(machine.installerId());
    }

    /**
     * Issue 13: the bus is locked. No client gets in without credentials; a service's credentials
     * write only its own topics, read only what it consumes, join only its own group; and the
     * launcher's ACL table is what each service really consumes (its own dead-letter topics name it).
     */
    @Test
    void the_broker_takes_no_client_without_credentials_and_a_service_only_what_it_owns() throws IOException {
        var anonymous = new HashMap<String, Object>(Map.of("bootstrap.servers", stack.bootstrapServers()));
        assertThatThrownBy(() -> produce(anonymous, COMPLAINTS_TOPIC, "{}"))
                .as("an anonymous producer")
                .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertThatThrownBy(() -> partitionsOf(anonymous, COMPLAINTS_TOPIC))
                .as("an anonymous consumer")
                .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        var wrongPassword = new HashMap<>(stack.kafkaClient("intake"));
        wrongPassword.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"intake\""
                        + " password=\"guessed\";");
        assertThatThrownBy(() -> partitionsOf(wrongPassword, COMPLAINTS_TOPIC))
                .isInstanceOf(SaslAuthenticationException.class);

        var dispatch = stack.kafkaClient("dispatch");
        assertThatThrownBy(() -> produce(dispatch, COMPLAINTS_TOPIC, "{}"))
                .as("dispatch writing intake's topic")
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> produce(dispatch, "intake.complaints.v2", "{}"))
                .as("dispatch writing a topic outside its own")
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> produce(dispatch, "intake.complaints.v1.dispatch.surprise", "{}"))
                .as("a topic is not created by naming it, even under dispatch's own prefix")
                .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertThatThrownBy(() -> partitionsOf(dispatch, "followup.v1"))
                .as("dispatch reading a topic it does not consume")
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> partitionsOf(dispatch, Topics.deadLetterOf(ASSIGNMENTS_TOPIC, "intake")))
                .as("dispatch reading intake's dead letters")
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> joinGroup(dispatch, "intake-service", COMPLAINTS_TOPIC))
                .as("dispatch joining intake's consumer group")
                .isInstanceOf(GroupAuthorizationException.class);
        assertThat(partitionsOf(dispatch, COMPLAINTS_TOPIC))
                .as("dispatch reading what it consumes")
                .isNotEmpty();

        // The passwords are in files only their owner reads, never on a command line (ps shows those).
        var config = DATA_DIR.toAbsolutePath().normalize().resolve("config");
        var stored = new Properties();
        try (var in = Files.newInputStream(config.resolve("kafka-credentials.properties"))) {
            stored.load(in);
        }
        var passwords =
                stored.stringPropertyNames().stream().map(stored::getProperty).toList();
        assertThat(passwords).hasSize(BusAccess.users().size() + 1);
        var commandLines = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line ->
                        line.contains(DATA_DIR.toAbsolutePath().normalize().toString()))
                .toList();
        assertThat(commandLines).as("the stack's processes").hasSizeGreaterThanOrEqualTo(5);
        assertThat(commandLines).noneMatch(line -> passwords.stream().anyMatch(line::contains));
        try (var files = Files.list(config)) {
            for (var file : files.filter(f ->
                            f.toString().endsWith(".properties") || f.toString().endsWith(".conf"))
                    .toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.toString())
                        .isEqualTo("rw-------");
            }
        }

        for (var service : Service.values()) {
            var listed = get(service, "/admin/dead-letters", ops);
            assertThat(elements(listed.json()).map(JsonNode::asString).toList())
                    .as(service + "'s dead-letter topics: one per topic the ACLs let it read")
                    .containsExactlyInAnyOrderElementsOf(BusAccess.consumes(service).stream()
                            .map(topic -> Topics.deadLetterOf(topic, service.id()))
                            .toList());
        }
    }

    /**
     * Issue 13: dead letters belong to their consumer. A record that only intake cannot read (a
     * broken AssignmentAccepted, a type only intake consumes) lands in intake's dead letters only;
     * parts, which reads the same topic, neither lists nor replays them; a replay goes to intake's
     * replay topic, which only intake's group reads, and leaves the producer's topic alone.
     */
    @Test
    void dead_letters_of_one_consumer_are_not_another_consumers_and_a_replay_reaches_only_its_consumer()
            throws Exception {
        var intakeDeadLetters = Topics.deadLetterOf(ASSIGNMENTS_TOPIC, "intake");
        var intakeReplays = Topics.replayOf(ASSIGNMENTS_TOPIC, "intake");
        var eventId = publishBrokenAssignmentAccepted();
        var dead = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> deadLetters(Service.INTAKE, intakeDeadLetters, eventId), list -> !list.isEmpty())
                .get(0);
        assertThat(dead.get("reason").asString()).startsWith("invalid payload");
        var place = intakeDeadLetters + "/" + dead.get("partition").asInt() + "/"
                + dead.get("offset").asLong();

        // Parts consumes the same topic, skipped the type, and has no business with intake's dead letters.
        assertThat(deadLetters(Service.PARTS, Topics.deadLetterOf(ASSIGNMENTS_TOPIC, "parts"), eventId))
                .isEmpty();
        assertThat(get(Service.PARTS, "/admin/dead-letters", ops).text()).doesNotContain(intakeDeadLetters);
        assertThat(get(Service.PARTS, "/admin/dead-letters/" + intakeDeadLetters, ops)
                        .status())
                .isEqualTo(404);
        assertThat(get(Service.PARTS, "/admin/dead-letters/" + place + "?purpose=curious", ops)
                        .status())
                .isEqualTo(404);
        assertThat(post(Service.PARTS, "/admin/dead-letters/" + place + "/replay", ops, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(post(
                                Service.PARTS,
                                "/admin/dead-letters/" + intakeDeadLetters + "/replay",
                                ops,
                                Map.of("reason", "invalid"))
                        .status())
                .isEqualTo(404);

        var producerTopicBefore = endOffsets(ASSIGNMENTS_TOPIC);
        var replayed = post(Service.INTAKE, "/admin/dead-letters/" + place + "/replay", ops, Map.of());
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(202);
        assertThat(replayed.json().get("replayedTo").asString()).isEqualTo(intakeReplays);

        // Intake read it again (and, as it is still broken, dead-lettered it again); nobody else did.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        deadLetters(Service.INTAKE, intakeDeadLetters, eventId).size() == 2);
        assertThat(deadLetters(Service.INTAKE, intakeDeadLetters, eventId)
                        .get(0)
                        .get("replayed")
                        .get("by")
                        .asString())
                .isEqualTo("ops-1");
        assertThat(endOffsets(ASSIGNMENTS_TOPIC)).as("the producer's topic").isEqualTo(producerTopicBefore);
        assertThat(endOffsets(intakeReplays).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (var service : Service.values()) {
                var readIt = committedTopics(BusAccess.group(service)).contains(intakeReplays);
                assertThat(readIt).as(service + " read intake's replay").isEqualTo(service == Service.INTAKE);
            }
        });
        assertThat(post(Service.INTAKE, "/admin/dead-letters/" + place + "/replay", ops, Map.of())
                        .status())
                .as("a dead letter is replayed once")
                .isEqualTo(409);
    }

    // ---- the services' doors ----

    private static Optional<JsonNode> ownAssignment(String technicianToken, String complaintId) {
        var own = get(Service.DISPATCH, "/api/technician/assignments?limit=200", technicianToken);
        return elements(own.json().path("items"))
                .filter(a -> a.get("complaintId").asString().equals(complaintId))
                .findFirst();
    }

    private static JsonNode partRequest(String technicianToken, String assignmentId, String requestId) {
        var assignment = get(Service.DISPATCH, "/api/technician/assignments/" + assignmentId, technicianToken);
        return elements(assignment.json().get("parts"))
                .filter(p -> p.get("requestId").asString().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no part request " + requestId + " in " + assignment.text()));
    }

    private static Optional<JsonNode> returnCallDue(String complaintId) {
        return returnCallsDue("PT49H")
                .filter(c -> c.get("complaintId").asString().equals(complaintId))
                .findFirst();
    }

    private static String awaitOwnAssignment(String technicianToken, String complaintId, Predicate<String> which) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> elements(get(Service.DISPATCH, "/api/technician/assignments?limit=200", technicianToken)
                                        .json()
                                        .path("items"))
                                .filter(a -> a.get("complaintId").asString().equals(complaintId))
                                .map(a -> a.get("assignmentId").asString())
                                .filter(which)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static void completeVisit(String technicianToken, String assignmentId) {
        var completed = post(
                Service.DISPATCH,
                "/api/technician/assignments/" + assignmentId + "/completion",
                technicianToken,
                Map.of(
                        "diagnosis",
                        "滤芯堵塞",
                        "rootCause",
                        "水质差",
                        "partsUsed",
                        List.of(),
                        "feeCharged",
                        0,
                        "fixed",
                        true));
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
    }

    /** The id of the case's return call of the given satisfaction round, once followup has scheduled it. */
    private static String awaitReturnCall(String complaintId, int round) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> returnCallsDue("PT49H")
                                .filter(c -> c.get("complaintId").asString().equals(complaintId))
                                .filter(c -> c.get("round").asInt() == round)
                                .map(c -> c.get("returnCallId").asString())
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Every question of the shipped Chinese questionnaire answered; expectation 6, perception 5. */
    private static Response answerSurvey(String returnCallId, boolean solved, int satisfaction) {
        var questionnaire = get(Service.FOLLOWUP, "/api/questionnaires/servqual-zh-v1", agent);
        assertThat(questionnaire.status()).as(questionnaire.text()).isEqualTo(200);
        var answers = elements(questionnaire.json().get("questions"))
                .map(q -> Map.of("questionId", q.get("id").asString(), "expectation", 6, "perception", 5))
                .toList();
        return post(
                Service.FOLLOWUP,
                "/api/return-calls/" + returnCallId + "/survey",
                agent,
                Map.of(
                        "questionnaireId",
                        "servqual-zh-v1",
                        "answers",
                        answers,
                        "solved",
                        solved,
                        "satisfaction",
                        satisfaction));
    }

    /**
     * Every return call due by now plus {@code within}, page after page (the list is paged in the order
     * the calls were scheduled, so the newest are on the last page), as a supervisor sees them: an
     * agent's list holds only the calls they hold and those nobody has tried yet. A supervisor of its own
     * for each walk, like {@link #reader()}: the due list is a read of personal data in bulk.
     */
    private static Stream<JsonNode> returnCallsDue(String within) {
        return followupPages(
                "/api/return-calls/due?within=" + within,
                stack.token("supervisor-reader-" + READERS.incrementAndGet(), "SUPERVISOR"));
    }

    /** Every item of one of follow-up's paged lists, page after page. */
    private static Stream<JsonNode> followupPages(String path, String token) {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var page = get(
                            Service.FOLLOWUP,
                            path + (path.contains("?") ? "&" : "?") + "limit=200"
                                    + (cursor == null
                                            ? ""
                                            : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                            token)
                    .json();
            elements(page.path("items")).forEach(all::add);
            cursor = page.path("next").isString() ? page.get("next").asString() : null;
        } while (cursor != null);
        return all.stream();
    }

    /**
     * An agent of its own for each read of personal data in bulk (caller lookups, due return calls): one
     * user may make 60 such reads a minute (issue 13), and these tests poll far more often than an agent.
     */
    private static String reader() {
        return stack.token("agent-reader-" + READERS.incrementAndGet(), "AGENT");
    }

    private static List<JsonNode> callerLookup(String query) {
        var found = get(Service.INTAKE, "/api/callers?" + query, reader());
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return elements(found.json().get("machines")).toList();
    }

    private static JsonNode complaint(String complaintId) {
        return get(Service.INTAKE, "/api/complaints/" + complaintId, agent).json();
    }

    private static List<String> timeline(String complaintId) {
        var view = get(Service.INTAKE, "/api/complaints/" + complaintId, agent);
        return elements(view.json().get("timeline"))
                .map(entry -> entry.get("what").asString())
                .toList();
    }

    // ---- the broker ----

    /**
     * An AssignmentAccepted as a broken dispatch would write it: its own topic and source, a payload
     * nobody can read ({@code assignmentId} a number, the other fields missing). Its {@code ce_id}.
     */
    private static String publishBrokenAssignmentAccepted() throws Exception {
        var eventId = UUID.randomUUID().toString();
        var record =
                new ProducerRecord<String, String>(ASSIGNMENTS_TOPIC, "C-BROKEN-" + eventId, "{\"assignmentId\": 7}");
        record.headers()
                .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "aftersales.dispatch.AssignmentAccepted.v1".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/aftersales/dispatch".getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        try (var producer = producer(stack.kafkaClient(BusAccess.ADMIN))) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        DELIBERATELY_BROKEN.add(eventId);
        return eventId;
    }

    /** Every TechnicianAssigned on the assignments topic, by complaint id. */
    private static Map<String, List<JsonNode>> technicianAssignedByComplaint() {
        return eventsOf(ASSIGNMENTS_TOPIC, TECHNICIAN_ASSIGNED).stream()
                .collect(Collectors.groupingBy(e -> e.get("complaintId").asString()));
    }

    /** The payloads of every event of one type on a topic, from its beginning (read as the launcher's admin). */
    private static List<JsonNode> eventsOf(String topic, String ceType) {
        var props = new HashMap<>(stack.kafkaClient(BusAccess.ADMIN));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var events = new ArrayList<JsonNode>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals(ceType)) {
                        events.add(JSON.readTree(record.value()));
                    }
                }
            }
        }
        return events;
    }

    /** The dead letters on a service's dead-letter topic with the given {@code ce_id}, as ops lists them. */
    private static List<JsonNode> deadLetters(Service service, String topic, String eventId) {
        var listed = get(service, "/admin/dead-letters/" + topic + "?limit=200", ops);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        return elements(listed.json().get("items"))
                .filter(d -> eventId.equals(d.get("eventId").asString()))
                .sorted(Comparator.comparingLong(d -> d.get("offset").asLong()))
                .toList();
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (var admin = Admin.create(stack.kafkaClient(BusAccess.ADMIN))) {
            var partitions = admin
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** The topics a consumer group has committed offsets on. */
    private static List<String> committedTopics(String group) throws Exception {
        try (var admin = Admin.create(stack.kafkaClient(BusAccess.ADMIN))) {
            return admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)
                    .keySet()
                    .stream()
                    .map(TopicPartition::topic)
                    .distinct()
                    .toList();
        }
    }

    /** Bounded waits: a refused client must fail within seconds, not hang. */
    private static Map<String, Object> quick(Map<String, Object> client) {
        var props = new HashMap<>(client);
        props.put("max.block.ms", 2500);
        props.put("request.timeout.ms", 2500);
        props.put("delivery.timeout.ms", 5000);
        props.put("default.api.timeout.ms", 2500);
        return props;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        var props = quick(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props);
    }

    private static void produce(Map<String, Object> client, String topic, String value) throws Exception {
        try (var producer = producer(client)) {
            producer.send(new ProducerRecord<>(topic, "probe", value)).get(15, TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client) {
        var props = quick(client);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    private static List<?> partitionsOf(Map<String, Object> client, String topic) {
        try (var consumer = consumer(client)) {
            return consumer.partitionsFor(topic, Duration.ofMillis(2500));
        }
    }

    private static void joinGroup(Map<String, Object> client, String group, String topic) {
        var props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (var consumer = consumer(props)) {
            consumer.subscribe(List.of(topic));
            var deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }

    /** Dispatch's group has committed up to the end of every partition of the complaints topic. */
    private static boolean dispatchCaughtUp() throws Exception {
        try (var admin = Admin.create(stack.kafkaClient(BusAccess.ADMIN))) {
            var committed = admin.listConsumerGroupOffsets(DISPATCH_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            var partitions = admin
                    .describeTopics(List.of(COMPLAINTS_TOPIC))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(COMPLAINTS_TOPIC)
                    .partitions()
                    .stream()
                    .map(p -> new TopicPartition(COMPLAINTS_TOPIC, p.partition()))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> {
                var offset = committed.get(end.getKey());
                return end.getValue().offset() == 0
                        || (offset != null && offset.offset() >= end.getValue().offset());
            });
        }
    }

    // ---- plumbing ----

    private record Response(int status, String text, HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private static Response get(Service service, String path, String token) {
        return send(HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static Response post(Service service, String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private static Response postWithKey(
            Service service, String path, String token, Object body, String idempotencyKey) {
        return send(HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            var response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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

    private static Stream<JsonNode> elements(JsonNode array) {
        return array == null ? Stream.empty() : StreamSupport.stream(array.spliterator(), false);
    }

    /**
     * Issue 16: every kind of case carried to its end, across the four services as they run: complaints
     * handled by a supervisor through the complaint procedure, agreed resolutions carried out, installations
     * of machines not yet archived, relocations, withdrawal and the dispatcher's hands.
     */
    @Nested
    @Order(1)
    class EveryKindOfCase {

        private static final String ASSIGNMENT_CANCELLED = "aftersales.dispatch.AssignmentCancelled.v1";
        private static final String RESERVATION_RELEASED = "aftersales.parts.ReservationReleased.v1";

        /**
         * A fee dispute about a machine whose repair case is still open gets its own case, linked both ways;
         * nobody is sent; the procedure agrees a refund, the agent marks it done, the return call finds the
         * customer satisfied and the dispute closes, while the repair case goes on.
         */
        @Test
        void a_fee_dispute_beside_an_open_repair_is_its_own_case_settled_by_a_refund_and_closed_when_satisfied() {
            var machine = demoMachine("T-006", 0);
            var installer = stack.technicianToken(machine.installerId(), machine.dealerId());
            var repairId = register(DEMO.complaint(machine.serialNumber(), "REPAIR", "不出水"));
            awaitOwnAssignment(installer, repairId, a -> true);

            var dispute = new HashMap<>(DEMO.complaint(machine.serialNumber(), "FEE_DISPUTE", "上门费收了两次"));
            dispute.put("subject", Map.of("kind", "FEE", "description", "上门费 80 元重复收取"));
            var disputeId = register(dispute);
            assertThat(disputeId).isNotEqualTo(repairId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(complaint(disputeId).path("relatedComplaintIds").toString())
                        .contains(repairId);
                assertThat(complaint(repairId).path("relatedComplaintIds").toString())
                        .contains(disputeId);
            });

            var actionId = agreeResolution(
                    disputeId, List.of(Map.of("kind", "FEE_REFUND", "description", "退还重复收取的上门费", "amount", 80)));
            var done = post(
                    Service.INTAKE,
                    "/api/complaints/" + disputeId + "/resolution/actions/" + actionId + "/done",
                    agent,
                    Map.of("evidenceReference", "退款单 RF-2026-1130-01"));
            assertThat(done.status()).as(done.text()).isEqualTo(204);

            var call = awaitReturnCall(disputeId, 1);
            assertThat(answerSurvey(call, true, 5).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(complaint(disputeId).get("status").asString())
                                    .isEqualTo("CLOSED"));
            // Nobody was ever sent about the dispute; the repair case is still open and assigned.
            assertThat(technicianAssignedByComplaint()).doesNotContainKey(disputeId);
            assertThat(complaint(repairId).get("status").asString()).isNotEqualTo("CLOSED");
            assertThat(timeline(disputeId))
                    .containsSubsequence(
                            "REGISTERED",
                            "RESOLUTION_AGREED",
                            "ACTION_DONE",
                            "RESOLUTION_CARRIED_OUT",
                            "RETURN_CALL_SCHEDULED",
                            "CLOSED");
        }

        /**
         * A quality complaint about a batch: the agreed replacement goods are held by parts along the chain
         * from the machine's dealer, the holding dealer confirms shipment, the agent the customer's receipt;
         * a gift makes up for the trouble; when every action is done the return call decides, and a
         * satisfied customer closes the case.
         */
        @Test
        void a_quality_complaint_gets_its_replacement_shipped_and_received_and_closes_when_satisfied() {
            var machine = demoMachine("T-002", 0);
            var complaintId = register(DEMO.complaint(machine.serialNumber(), "QUALITY_COMPLAINT", "同批次滤芯三个月就坏"));
            var supervisor = stack.token("supervisor-1", "SUPERVISOR");
            var gift = post(
                    Service.INTAKE,
                    "/api/complaints/" + complaintId + "/goodwill",
                    agent,
                    Map.of("kind", "GIFT", "amount", 60, "reason", "赠送PP棉滤芯一支"));
            assertThat(gift.status()).as(gift.text()).isEqualTo(201);

            var replacementId = agreeResolution(
                    complaintId,
                    List.of(
                            Map.of(
                                    "kind",
                                    "REPLACEMENT",
                                    "description",
                                    "更换同批次滤芯",
                                    "itemNumber",
                                    "FLT-CTO-01",
                                    "quantity",
                                    2),
                            Map.of("kind", "APOLOGY", "description", "主管致电道歉")));
            var goodsPath = "/api/replacements/" + complaintId + "/" + replacementId;
            var held = await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(Service.PARTS, goodsPath, ops), r -> r.status() == 200)
                    .json();
            assertThat(held.get("status").asString()).isEqualTo("RESERVED");
            assertThat(held.get("quantity").asInt()).isEqualTo(2);
            var shipper = held.get("shippingDealerId").asString();
            var dealer = stack.token("dealer-" + shipper, List.of("DEALER"), Map.of("dealer_id", shipper));
            var otherDealer = stack.token("dealer-D-CD", List.of("DEALER"), Map.of("dealer_id", "D-CD"));
            assertThat(post(Service.PARTS, goodsPath + "/shipped", otherDealer, Map.of("waybill", "SF1"))
                            .status())
                    .isEqualTo(404);
            var shipped = post(Service.PARTS, goodsPath + "/shipped", dealer, Map.of("waybill", "SF20261130"));
            assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);

            var actions = "/api/complaints/" + complaintId + "/resolution/actions/";
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(post(
                                            Service.INTAKE,
                                            actions + replacementId + "/receipt",
                                            agent,
                                            Map.of("note", "客户已签收"))
                                    .status())
                            .isEqualTo(204));
            var apologyId = replacementId.substring(0, replacementId.length() - 1) + "2";
            assertThat(post(Service.INTAKE, actions + apologyId + "/done", supervisor, Map.of("note", "已致电道歉"))
                            .status())
                    .isEqualTo(204);

            var call = awaitReturnCall(complaintId, 1);
            assertThat(answerSurvey(call, true, 5).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    complaint(complaintId).get("status").asString())
                            .isEqualTo("CLOSED"));
            assertThat(timeline(complaintId))
                    .containsSubsequence(
                            "REGISTERED",
                            "GOODWILL_RECORDED",
                            "RESOLUTION_AGREED",
                            "REPLACEMENT_RESERVED",
                            "REPLACEMENT_SHIPPED",
                            "GOODS_RECEIVED",
                            "RESOLUTION_CARRIED_OUT",
                            "RETURN_CALL_SCHEDULED",
                            "CLOSED");
            assertThat(technicianAssignedByComplaint()).doesNotContainKey(complaintId);
        }

        /**
         * A complaint about a technician's attitude is the supervisor's: he is never offered a visit for it,
         * and the revisit the customer agreed to goes to a colleague.
         */
        @Test
        void a_service_attitude_complaint_never_reaches_its_subject_and_its_revisit_goes_to_another_technician() {
            var machine = demoMachine("T-004", 0);
            var subject = machine.installerId();
            var body = new HashMap<>(DEMO.complaint(machine.serialNumber(), "SERVICE_ATTITUDE", "师傅态度恶劣"));
            body.put("subject", Map.of("kind", "TECHNICIAN", "id", subject, "description", "上门时态度恶劣"));
            var complaintId = register(body);

            agreeResolution(
                    complaintId,
                    List.of(
                            Map.of("kind", "REVISIT", "description", "换一位师傅上门检查"),
                            Map.of("kind", "APOLOGY", "description", "主管致电道歉")));
            var revisit = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> technicianAssignedByComplaint().getOrDefault(complaintId, List.of()),
                            l -> !l.isEmpty())
                    .get(0);
            assertThat(revisit.get("technicianId").asString()).isNotEqualTo(subject);
            assertThat(revisit.get("resolutionActionId").asString()).isNotBlank();
            assertThat(revisit.get("assignmentId").asString()).startsWith("ASG-" + complaintId + "-A");
            var subjectsList = get(
                    Service.DISPATCH,
                    "/api/technician/assignments?limit=200",
                    stack.technicianToken(subject, machine.dealerId()));
            assertThat(elements(subjectsList.json().path("items")))
                    .noneMatch(a -> a.get("complaintId").asString().equals(complaintId));
        }

        /**
         * A call to install a machine the archive does not know yet: an installer of the selling dealer is
         * sent; his completion archives the machine, the hotline finds it with its warranty, and the
         * thank-you call is due two to three days later.
         */
        @Test
        void an_installation_request_reaches_the_selling_dealers_installer_and_the_machine_enters_the_archive() {
            var body =
                    new HashMap<>(DEMO.complaint(DEMO.machines().get(2).serialNumber(), "INSTALLATION", "新买的净水器请安装"));
            body.put("machine", Map.of());
            body.put(
                    "installation",
                    Map.of(
                            "model",
                            "RO-600",
                            "productLine",
                            "WATER_PURIFIER",
                            "purchasedOn",
                            LocalDate.now().minusDays(2).toString(),
                            "sellingDealerId",
                            "D-GZ"));
            var complaintId = register(body);
            var assigned = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> technicianAssignedByComplaint().getOrDefault(complaintId, List.of()),
                            l -> !l.isEmpty())
                    .get(0);
            var installerId = assigned.get("technicianId").asString();
            assertThat(installerId).isIn("T-006", "T-007");
            var installer = stack.technicianToken(installerId, "D-GZ");
            var assignmentId = assigned.get("assignmentId").asString();

            var serial =
                    "WP-NEW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
            var completed = post(
                    Service.DISPATCH,
                    "/api/technician/assignments/" + assignmentId + "/completion",
                    installer,
                    Map.of(
                            "diagnosis",
                            "安装调试完成",
                            "partsUsed",
                            List.of(),
                            "feeCharged",
                            0,
                            "fixed",
                            true,
                            "installed",
                            Map.of(
                                    "serialNumber",
                                    serial,
                                    "model",
                                    "RO-600",
                                    "productLine",
                                    "WATER_PURIFIER",
                                    "installedOn",
                                    LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                            .toString(),
                                    "site",
                                    Map.of("address", "广州市天河区天河路1号", "regionCode", "440106"))));
            assertThat(completed.status()).as(completed.text()).isEqualTo(200);

            var found = await().atMost(Duration.ofSeconds(30))
                    .until(() -> callerLookup("serialNumber=" + serial), l -> !l.isEmpty())
                    .get(0);
            assertThat(found.get("installerId").asString()).isEqualTo(installerId);
            assertThat(found.path("warranty")
                            .path("wholeMachine")
                            .path("covered")
                            .asBoolean())
                    .isTrue();
            var thankYou = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> returnCallsDue("P4D")
                                    .filter(c -> ("RC-INST-" + serial)
                                            .equals(c.get("returnCallId").asString()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            var due = Instant.parse(thankYou.get("dueAt").asString());
            assertThat(due)
                    .isBetween(
                            Instant.now().plus(Duration.ofDays(1)),
                            Instant.now().plus(Duration.ofDays(4)));
        }

        /** A relocation's completion moves the archive's site, keeps the history and leaves the warranty alone. */
        @Test
        void a_completed_relocation_moves_the_machines_site_with_history_and_keeps_its_warranty() {
            var machine = demoMachine("T-005", 0);
            var installer = stack.technicianToken(machine.installerId(), machine.dealerId());
            var before = get(Service.DISPATCH, "/api/installations/" + machine.serialNumber(), dispatcher)
                    .json();
            var complaintId = register(DEMO.complaint(machine.serialNumber(), "RELOCATION", "搬家需要移机"));
            var assignmentId = awaitOwnAssignment(installer, complaintId, a -> true);
            var completed = post(
                    Service.DISPATCH,
                    "/api/technician/assignments/" + assignmentId + "/completion",
                    installer,
                    Map.of(
                            "diagnosis",
                            "移机完成",
                            "partsUsed",
                            List.of(),
                            "feeCharged",
                            0,
                            "fixed",
                            true,
                            "relocatedTo",
                            Map.of("address", "北京市海淀区学院路30号", "regionCode", "110108")));
            assertThat(completed.status()).as(completed.text()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var after = get(Service.DISPATCH, "/api/installations/" + machine.serialNumber(), dispatcher)
                        .json();
                assertThat(after.toString()).contains("北京市海淀区学院路30号").contains("relocation, case " + complaintId);
                assertThat(after.path("warranty").toString())
                        .isEqualTo(before.path("warranty").toString());
            });
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(callerLookup("serialNumber=" + machine.serialNumber())
                                    .get(0)
                                    .get("address")
                                    .asString())
                            .isEqualTo("北京市海淀区学院路30号"));
        }

        /**
         * Settled by phone after the installer was sent and his part reserved: the assignment is withdrawn
         * (CANCELLED in his list, AssignmentCancelled on the bus) and parts releases the part.
         */
        @Test
        void a_case_settled_by_phone_after_dispatch_withdraws_the_assignment_and_releases_its_part() {
            var machine = demoMachine("T-007", 0);
            var installer = stack.technicianToken(machine.installerId(), machine.dealerId());
            var complaintId = register(DEMO.complaint(machine.serialNumber(), "REPAIR", "滤芯报警"));
            var assignmentId = awaitOwnAssignment(installer, complaintId, a -> true);
            var requested = post(
                    Service.DISPATCH,
                    "/api/technician/assignments/" + assignmentId + "/parts-requests",
                    installer,
                    Map.of("partNumber", "FLT-PP-01", "quantity", 1));
            assertThat(requested.status()).as(requested.text()).isEqualTo(202);
            var requestId = requested.json().get("requestId").asString();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(partRequest(installer, assignmentId, requestId)
                                    .get("status")
                                    .asString())
                            .isEqualTo("RESERVED"));

            var settled = post(
                    Service.INTAKE,
                    "/api/complaints/" + complaintId + "/phone-resolution",
                    agent,
                    Map.of("guidance", "指导客户复位滤芯提醒"));
            assertThat(settled.status()).as(settled.text()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var own = get(Service.DISPATCH, "/api/technician/assignments/" + assignmentId, installer);
                assertThat(own.json().get("status").asString()).isEqualTo("CANCELLED");
                assertThat(eventsOf(ASSIGNMENTS_TOPIC, ASSIGNMENT_CANCELLED))
                        .anyMatch(e -> e.get("assignmentId").asString().equals(assignmentId)
                                && e.get("reason").asString().equals("SETTLED_BY_PHONE"));
                assertThat(eventsOf("parts.reservations.v1", RESERVATION_RELEASED))
                        .anyMatch(e -> e.toString().contains(requestId));
            });
        }

        /** A dispatcher hands an open case to a technician of his choosing: MANUAL, with his id and note. */
        @Test
        void a_dispatcher_assigns_a_chosen_technician_and_the_assignment_says_manual() {
            var machine = demoMachine("T-001", 3);
            var complaintId = register(DEMO.complaint(machine.serialNumber(), "MAINTENANCE", "年度保养"));
            var installer = stack.technicianToken(machine.installerId(), machine.dealerId());
            var assignmentId = awaitOwnAssignment(installer, complaintId, a -> true);
            var chosen = post(
                    Service.DISPATCH,
                    "/api/assignments/" + assignmentId + "/manual-assignment",
                    dispatcher,
                    Map.of("technicianId", "T-002", "note", "客户指定王师傅"));
            assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
            var manual = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> technicianAssignedByComplaint().getOrDefault(complaintId, List.of()).stream()
                                    .filter(e -> "MANUAL".equals(e.get("rule").asString()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(manual.get("technicianId").asString()).isEqualTo("T-002");
            assertThat(manual.get("assignedBy").asString()).isEqualTo("dispatcher-1");
            assertThat(manual.get("note").asString()).isEqualTo("客户指定王师傅");
        }

        private String register(Map<String, ?> body) {
            var registered = post(Service.INTAKE, "/api/complaints", agent, body);
            assertThat(registered.status()).as(registered.text()).isEqualTo(201);
            return registered.json().get("complaintId").asString();
        }

        /** Proposes, approves and has the customer accept; the first action's id. */
        private String agreeResolution(String complaintId, List<Map<String, Object>> actions) {
            var path = "/api/complaints/" + complaintId + "/resolution";
            var proposed = post(Service.INTAKE, path, agent, Map.of("actions", actions));
            assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
            var resolutionId = proposed.json().get("resolutionId").asString();
            var supervisor = stack.token("supervisor-1", "SUPERVISOR");
            assertThat(post(Service.INTAKE, path + "/approval", supervisor, null)
                            .status())
                    .isEqualTo(204);
            assertThat(post(Service.INTAKE, path + "/acceptance", agent, null).status())
                    .isEqualTo(204);
            return resolutionId + "-1";
        }

        /** The {@code n}-th demo machine installed by {@code installerId}, counted from the end (the tests above count from the start). */
        private DemoArchive.Machine demoMachine(String installerId, int n) {
            var machines = DEMO.machines().stream()
                    .filter(m -> m.installerId().equals(installerId))
                    .toList();
            return machines.get(machines.size() - 1 - n);
        }
    }

    /**
     * Issue 17: the events the whole run put on the bus are what the checked-in contract says
     * ({@code docs/asyncapi/schemas}, by {@code ce_type}). Every record of every event topic is read
     * from its beginning and validated; the run's deliberately broken event must be caught, so the
     * check is known to bite. A failure names topic, partition, offset, type and the rule broken.
     */
    @Nested
    @Order(2)
    class EventsOnTheTopics {

        @Test
        void every_event_read_off_the_topics_validates_against_its_checked_in_schema_and_a_broken_one_does_not()
                throws Exception {
            if (DELIBERATELY_BROKEN.isEmpty()) {
                // this class run on its own: the dead-letter test did not break one
                publishBrokenAssignmentAccepted();
            }
            var report = TopicConformance.read(stack.kafkaClient(BusAccess.ADMIN), EventConformance.checkedIn());
            System.out.printf(
                    Locale.ROOT,
                    "[e2e] topic-read conformance: %d records of %d types on %s%n",
                    report.records(),
                    report.types().size(),
                    report.recordsByTopic());

            var caught = report.violations().stream()
                    .filter(v -> DELIBERATELY_BROKEN.contains(v.eventId()))
                    .toList();
            assertThat(caught.stream().map(TopicConformance.Violation::eventId))
                    .as("the deliberately broken events, caught")
                    .containsExactlyInAnyOrderElementsOf(DELIBERATELY_BROKEN);
            assertThat(caught)
                    .allSatisfy(v -> assertThat(v.problems())
                            .anySatisfy(p ->
                                    assertThat(p).contains("$.assignmentId").contains("type"))
                            .anySatisfy(
                                    p -> assertThat(p).contains("complaintId").contains("required")));
            assertThat(report.violations().stream()
                            .filter(v -> !DELIBERATELY_BROKEN.contains(v.eventId()))
                            .map(TopicConformance.Violation::toString))
                    .as("events on the topics that break their checked-in schema")
                    .isEmpty();
            assertThat(report.types())
                    .as("the run put the main kinds of event on the bus")
                    .contains(
                            "aftersales.intake.ComplaintRegistered.v1",
                            TECHNICIAN_ASSIGNED,
                            "aftersales.parts.PartsReserved.v1",
                            "aftersales.followup.ReturnCallScheduled.v1");
        }
    }
}
