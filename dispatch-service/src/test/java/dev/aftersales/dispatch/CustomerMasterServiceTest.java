package dev.aftersales.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.CustomerChanged;
import dev.aftersales.contracts.dispatch.CustomerErased;
import dev.aftersales.contracts.dispatch.CustomerRecorded;
import dev.aftersales.contracts.dispatch.CustomersMerged;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The customer master over HTTP: rows attach to the customer of their phone; change, merge, erasure. */
@ServiceSliceTest
class CustomerMasterServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String HEADER = "serialNumber,model,productLine,customerId,dealerId,installerId,installedOn,"
            + "address,regionCode,latitude,longitude,customerName,customerPhone";

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    Installations installations;

    @Autowired
    Assignments assignments;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    DispatchApi api;
    String phone;
    String prefix;

    @BeforeEach
    void aNewPhone() {
        api = new DispatchApi(port);
        phone = "139"
                + String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        prefix = "CM-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void two_rows_with_one_phone_and_two_names_are_one_customer_with_the_second_name_on_the_merge_list()
            throws Exception {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_CUSTOMERS)) {
            var csv = HEADER + "\n"
                    + prefix + "-1,RO-400,WATER_PURIFIER," + prefix + "-A,D-SH,T-001,2024-05-03,上海市张江路1号,310115,,,李雷,"
                    + phone + "\n"
                    + prefix + "-2,RO-400,WATER_PURIFIER," + prefix + "-B,D-SH,T-001,2024-06-03,上海市张江路1号,310115,,,李先生,"
                    + dashed(phone) + "\n";
            var first = importCsv(csv);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat((Integer) JsonPath.read(first.body(), "$.loaded")).isEqualTo(2);

            var customerId = prefix + "-A";
            assertThat(installations.bySerialNumber(prefix + "-1").orElseThrow().customerId())
                    .isEqualTo(customerId);
            assertThat(installations.bySerialNumber(prefix + "-2").orElseThrow().customerId())
                    .isEqualTo(customerId);
            var shown = api.get("/api/customers/" + customerId, supervisor());
            assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
            assertThat((String) JsonPath.read(shown.body(), "$.name")).isEqualTo("李雷");
            assertThat((List<String>) JsonPath.read(shown.body(), "$.phones")).containsExactly("+86" + phone);
            assertThat((List<String>) JsonPath.read(shown.body(), "$.aliases[*].name"))
                    .containsExactly("李先生");
            assertThat((List<String>) JsonPath.read(shown.body(), "$.aliases[*].status"))
                    .containsExactly("ON_MERGE_LIST");
            assertThat((List<String>) JsonPath.read(shown.body(), "$.aliases[*].fromCustomerId"))
                    .containsExactly(prefix + "-B");
            assertThat(mongo.findById(prefix + "-B", Document.class, "customers"))
                    .isNull();

            var seen = tap.await(s -> s.is(CustomerRecorded.class) && customerId.equals(s.key()), WAIT);
            var recorded = seen.as(CustomerRecorded.class);
            assertThat(recorded.name()).isEqualTo("李雷");
            assertThat(recorded.phones()).containsExactly("+86" + phone);
            assertThat(recorded.consentToContact()).isTrue();

            // the same file again: the rows are the archive's (under the master's customer id), nothing changes
            var again = importCsv(csv);
            assertThat((Integer) JsonPath.read(again.body(), "$.loaded")).isZero();
            assertThat((Integer) JsonPath.read(again.body(), "$.unchanged")).isEqualTo(2);
            assertThat((List<Object>) JsonPath.read(again.body(), "$.rejected")).isEmpty();
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .noneMatch(s ->
                            customerId.equals(s.key()) && s.is(CustomerRecorded.class) && !s.id().equals(seen.id()));

            // a supervisor decides the alias: the same person
            var decided = api.post(
                    "/api/customers/" + customerId + "/alias-decisions",
                    supervisor(),
                    "{\"name\": \"李先生\", \"decision\": \"MERGED\"}");
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            assertThat((List<String>) JsonPath.read(decided.body(), "$.aliases[*].status"))
                    .containsExactly("MERGED");
        }
    }

    @Test
    void a_phone_typed_with_spaces_with_dashes_or_with_plus_86_finds_the_customer() throws Exception {
        var customerId = imported(prefix + "-1", prefix + "-A", "韩梅梅", phone);

        for (var typed : List.of(spaced(phone), dashed(phone), "+86 " + phone, "+86-" + dashed(phone))) {
            var found = api.get(
                    "/api/customers?phone="
                            + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8),
                    supervisor());
            assertThat(found.statusCode()).as(typed + ": " + found.body()).isEqualTo(200);
            assertThat((List<String>) JsonPath.read(found.body(), "$[*].customerId"))
                    .as(typed)
                    .containsExactly(customerId);
        }
        var unknown = api.get("/api/customers?phone=13700000000", supervisor());
        assertThat((List<Object>) JsonPath.read(unknown.body(), "$")).isEmpty();
        var bad = api.get("/api/customers?phone=12", supervisor());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("phone");
    }

    @Test
    void a_tier_and_a_withdrawn_consent_are_published_and_audited_without_the_customers_name() throws Exception {
        var customerId = imported(prefix + "-1", prefix + "-A", "张伟", phone);
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_CUSTOMERS)) {
            var changed = api.put(
                    "/api/customers/" + customerId, supervisor(), "{\"tier\": \"KEY\", \"consentToContact\": false}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

            var event = tap.await(s -> s.is(CustomerChanged.class) && customerId.equals(s.key()), WAIT)
                    .as(CustomerChanged.class);
            assertThat(event.tier()).isEqualTo("KEY");
            assertThat(event.consentToContact()).isFalse();
            assertThat(event.revision()).isEqualTo(1);
        }
        var bad = api.put("/api/customers/" + customerId, supervisor(), "{\"tier\": \"GOLD\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("tier");

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> api.get("/admin/audit?action=customer.changed&subject=" + customerId, TestTokens.ops())
                        .body()
                        .contains("KEY"));
        var audit = api.get("/admin/audit?subject=" + customerId, TestTokens.ops());
        assertThat(audit.body()).doesNotContain("张伟").doesNotContain(phone);
    }

    @Test
    void a_merged_customers_phone_finds_the_survivor_and_the_merge_is_published() throws Exception {
        var survivor = imported(prefix + "-1", prefix + "-A", "王强", phone);
        var otherPhone = "138" + phone.substring(3);
        var merged = imported(prefix + "-2", prefix + "-B", "王先生", otherPhone);
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_CUSTOMERS)) {
            var response = api.post(
                    "/api/customers/" + survivor + "/merges",
                    TestTokens.ops(),
                    "{\"customerId\": \"%s\"}".formatted(merged));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat((List<String>) JsonPath.read(response.body(), "$.phones"))
                    .containsExactly("+86" + phone, "+86" + otherPhone);

            var event = tap.await(s -> s.is(CustomersMerged.class) && survivor.equals(s.key()), WAIT)
                    .as(CustomersMerged.class);
            assertThat(event.mergedCustomerId()).isEqualTo(merged);
        }
        var found = api.get("/api/customers?phone=" + otherPhone, supervisor());
        assertThat((List<String>) JsonPath.read(found.body(), "$[*].customerId"))
                .containsExactly(survivor);
        var pointer = api.get("/api/customers/" + merged, supervisor());
        assertThat((String) JsonPath.read(pointer.body(), "$.mergedInto")).isEqualTo(survivor);
        // a row with the merged customer's phone now belongs to the survivor
        imported(prefix + "-3", null, "王强", otherPhone);
        assertThat(installations.bySerialNumber(prefix + "-3").orElseThrow().customerId())
                .isEqualTo(survivor);
    }

    @Test
    void an_erasure_leaves_no_name_or_phone_of_the_customer_in_dispatchs_documents_and_is_published_once()
            throws Exception {
        var customerId = imported(prefix + "-1", prefix + "-A", "赵敏", phone);
        // the hotline's case of the same customer, their phone typed another way, offered to a technician
        var complaintId = "C-" + prefix;
        var now = Instant.parse("2026-11-23T08:00:00Z");
        var registered = new ComplaintRegistered(
                complaintId,
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                prefix + "-1",
                "RO-400",
                "漏水，赵敏说晚上打" + spaced(phone),
                "尽快上门",
                new CaseContact("赵敏", dashed(phone), "上海市浦东新区张江路99号", "310115"),
                "agent-1",
                now,
                now.plusSeconds(4 * 3600),
                now.plusSeconds(24 * 3600),
                now.plusSeconds(30 * 86400));
        var assignment = Assignment.open(registered, new Decision(null, null, null, "no installer"), clock.instant());
        assertThat(assignments.add(assignment)).isTrue();
        var otherCustomersAssignment = Assignment.open(
                dev.aftersales.dispatch.assignment.domain.Fixtures.registered("C-" + prefix + "-other", prefix + "-9"),
                new Decision(null, null, null, "no installer"),
                clock.instant());
        assertThat(assignments.add(otherCustomersAssignment)).isTrue();

        try (var tap = EventTap.open(brokers, Topics.DISPATCH_CUSTOMERS)) {
            var erased = api.post("/api/customers/" + customerId + "/erasure", TestTokens.ops(), "");
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
            assertThat((Boolean) JsonPath.read(erased.body(), "$.erased")).isTrue();
            var again = api.post("/api/customers/" + customerId + "/erasure", supervisor(), "");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

            var event = tap.await(s -> s.is(CustomerErased.class) && customerId.equals(s.key()), WAIT);
            assertThat(event.payload()).doesNotContain("赵敏").doesNotContain(phone);
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .noneMatch(s ->
                            s.is(CustomerErased.class) && customerId.equals(s.key()) && !s.id().equals(event.id()));
        }

        for (var collection : mongo.getCollectionNames()) {
            for (var document : mongo.getCollection(collection).find()) {
                var json = document.toJson();
                assertThat(json)
                        .as(collection)
                        .doesNotContain("赵敏")
                        .doesNotContain(phone)
                        .doesNotContain(dashed(phone));
                assertThat(json).as(collection).doesNotContain("张江路99号");
            }
        }
        // the case facts stay; another customer's case keeps its contact
        var kept = assignments.byId(assignment.id()).orElseThrow();
        assertThat(kept.complaintId()).isEqualTo(complaintId);
        assertThat(mongo.findById(otherCustomersAssignment.id(), Document.class, "assignments")
                        .toJson())
                .contains("王芳");
        assertThat(api.get("/api/customers?phone=" + phone, supervisor()).body())
                .isEqualTo("[]");
    }

    @Test
    void rows_of_one_import_with_new_phones_become_one_customer_each_keyed_by_phone_and_announced_once()
            throws Exception {
        var base = ThreadLocalRandom.current().nextInt(10_000_000, 99_999_000);
        var csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 40; i++) {
            // every tenth row without a customer id: the master gives them one
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",RO-400,WATER_PURIFIER,")
                    .append(i % 10 == 0 ? "" : prefix + "-C" + i)
                    .append(",D-SH,T-001,2024-05-03,上海市张江路1号,310115,,,客户")
                    .append(i)
                    .append(",137")
                    .append(base + i)
                    .append('\n');
        }
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_CUSTOMERS)) {
            var response = importCsv(csv.toString());
            assertThat((Integer) JsonPath.read(response.body(), "$.loaded"))
                    .as(response.body())
                    .isEqualTo(40);
            var customerIds = new java.util.HashSet<String>();
            for (int i = 0; i < 40; i++) {
                var customerId = installations
                        .bySerialNumber(prefix + "-" + i)
                        .orElseThrow()
                        .customerId();
                if (i % 10 != 0) {
                    assertThat(customerId).isEqualTo(prefix + "-C" + i);
                }
                customerIds.add(customerId);
                var key = mongo.findById("+86137" + (base + i), Document.class, "customer_phones");
                assertThat(key.getString("customerId")).isEqualTo(customerId);
                assertThat(mongo.findById(customerId, Document.class, "customers")
                                .getString("name"))
                        .isEqualTo("客户" + i);
            }
            assertThat(customerIds).hasSize(40);
            var announced = new java.util.HashMap<String, java.util.Set<String>>();
            Awaitility.await().atMost(WAIT).until(() -> {
                tap.drain(Duration.ofMillis(300)).stream()
                        .filter(s -> s.is(CustomerRecorded.class) && customerIds.contains(s.key()))
                        .forEach(s -> announced
                                .computeIfAbsent(s.key(), k -> new java.util.HashSet<>())
                                .add(s.id()));
                return announced.size() == 40;
            });
            assertThat(announced.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
    }

    @Test
    void a_phone_key_whose_customer_a_stopped_import_never_wrote_gets_that_customer_from_the_next_row_with_it()
            throws Exception {
        // an import that claimed the key, then stopped before writing its customer
        mongo.getCollection("customer_phones")
                .insertOne(new Document("_id", "+86" + phone).append("customerId", prefix + "-K"));

        var customerId = imported(prefix + "-1", null, "韩梅梅", phone);

        assertThat(customerId).isEqualTo(prefix + "-K");
        var shown = api.get("/api/customers/" + customerId, supervisor());
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(shown.body(), "$.name")).isEqualTo("韩梅梅");
        assertThat((List<String>) JsonPath.read(shown.body(), "$.phones")).containsExactly("+86" + phone);
        assertThat(mongo.getCollection("customers").countDocuments(new Document("phones", "+86" + phone)))
                .isEqualTo(1);
    }

    private String imported(String serial, String customerId, String name, String phone) throws Exception {
        var csv = HEADER + "\n" + serial + ",RO-400,WATER_PURIFIER," + (customerId == null ? "" : customerId)
                + ",D-SH,T-001,2024-05-03,上海市张江路1号,310115,,," + name + "," + phone + "\n";
        var response = importCsv(csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat((List<Object>) JsonPath.read(response.body(), "$.rejected"))
                .as(response.body())
                .isEmpty();
        return installations.bySerialNumber(serial).orElseThrow().customerId();
    }

    private java.net.http.HttpResponse<String> importCsv(String csv) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/api/archive/installations"))
                                .header("Authorization", "Bearer " + TestTokens.ops())
                                .header("Content-Type", "text/csv; charset=UTF-8")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String supervisor() {
        return TestTokens.token("sup-1", java.util.Map.of(), dev.aftersales.chassis.security.Role.SUPERVISOR);
    }

    private static String spaced(String phone) {
        return phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
    }

    private static String dashed(String phone) {
        return phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
    }
}
