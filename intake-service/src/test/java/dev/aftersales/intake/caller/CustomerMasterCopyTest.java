package dev.aftersales.intake.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.dispatch.CustomerChanged;
import dev.aftersales.contracts.dispatch.CustomerErased;
import dev.aftersales.contracts.dispatch.CustomerRecorded;
import dev.aftersales.contracts.dispatch.CustomersMerged;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's copy of dispatch's customer master: what the caller lookup shows, the phones the master knows
 * finding the customer's machines (also after a merge), and erasure.
 */
@ServiceSliceTest
class CustomerMasterCopyTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    final HttpClient http = HttpClient.newHttpClient();
    TestEvents events;
    String serial;
    String phone;
    String customerId;

    @BeforeEach
    void aMachineOfANewCustomer() {
        events = new TestEvents(brokers);
        serial = "CM-" + UUID.randomUUID().toString().substring(0, 8);
        customerId = "CU-" + serial;
        phone = aMobile();
        install(serial, customerId, "王小姐", phone);
    }

    void install(String serialNumber, String customer, String name, String customerPhone) {
        events.publish(
                new InstallationRecorded(
                        serialNumber,
                        "RO-400",
                        "WATER_PURIFIER",
                        customer,
                        name,
                        customerPhone,
                        "上海市浦东新区抹除路1号",
                        "310115",
                        "D-SH",
                        "T-001",
                        LocalDate.parse("2024-05-03"),
                        LocalDate.parse("2025-05-02"),
                        LocalDate.parse("2027-05-02")),
                serialNumber);
    }

    static String aMobile() {
        return "139"
                + String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A Shanghai landline as the agent reads it out, area code with its trunk 0. */
    static String aLandline() {
        return "021"
                + String.format(
                        Locale.ROOT,
                        "%08d",
                        60_000_000 + ThreadLocalRandom.current().nextInt(30_000_000));
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void the_lookup_shows_the_masters_name_and_tier_and_an_older_revision_changes_nothing() throws Exception {
        events.publish(
                new CustomerRecorded(customerId, "王芳", List.of("+86" + phone), null, true, Instant.now()), customerId);
        events.publish(
                new CustomerChanged(customerId, 2, "王芳芳", List.of("+86" + phone), "KEY", true, Instant.now()),
                customerId);
        events.publish(
                new CustomerChanged(customerId, 1, "旧名字", List.of("+86" + phone), "MEDIUM", true, Instant.now()),
                customerId);

        await().atMost(WAIT).untilAsserted(() -> {
            var machine = lookUp("phone=" + phone).get(0);
            assertThat(machine.path("customerName").asString()).isEqualTo("王芳芳");
            assertThat(machine.path("customerTier").asString()).isEqualTo("KEY");
        });
    }

    @Test
    void an_erasure_leaves_no_name_or_phone_of_the_customer_in_intakes_documents() throws Exception {
        var laterPhone = aMobile();
        events.publish(
                new CustomerRecorded(
                        customerId, "王小姐", List.of("+86" + phone, "+86" + laterPhone), null, true, Instant.now()),
                customerId);
        await().atMost(WAIT).until(() -> lookUp("phone=" + laterPhone).size() == 1);
        var form = """
                {"customer": {"name": "王小姐", "phones": ["%s"], "address": "上海市浦东新区抹除路1号"},
                 "machine": {"serialNumber": "%s"}, "customerId": "%s",
                 "kind": "REPAIR", "channel": "HOTLINE", "symptoms": "王小姐说漏水, 回电 %s"}
                """.formatted(phone, serial, customerId, dashed(phone));
        var registered = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-1"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var complaintId = JSON.readTree(registered.body()).path("complaintId").asString();

        events.publish(new CustomerErased(customerId, List.of(), Instant.now()), customerId);
        events.publish(new CustomerErased(customerId, List.of(), Instant.now()), customerId);

        await().atMost(WAIT).untilAsserted(() -> {
            for (var collection : mongo.getCollectionNames()) {
                for (var document : mongo.getCollection(collection).find()) {
                    assertThat(document.toJson())
                            .as(collection)
                            .doesNotContain("王小姐", phone, dashed(phone), laterPhone, "抹除路");
                }
            }
        });
        assertThat(lookUp("phone=" + phone)).isEmpty();
        assertThat(lookUp("phone=" + laterPhone)).isEmpty();
        var machine = lookUp("serialNumber=" + serial).get(0);
        assertThat(machine.path("customerId").asString()).isEqualTo(customerId);
        var complaint = mongo.findById(complaintId, org.bson.Document.class, "complaints");
        assertThat(complaint.getString("serialNumber")).isEqualTo(serial);
        assertThat(complaint.toJson()).contains("漏水");
    }

    @Test
    void a_phone_the_master_learnt_later_finds_the_customers_machines_however_it_is_typed() throws Exception {
        var newMobile = aMobile();
        var landline = aLandline(); // 021xxxxxxxx: the master keeps +8621xxxxxxxx
        await().atMost(WAIT).until(() -> lookUp("serialNumber=" + serial).size() == 1);
        assertThat(lookUp("phone=" + newMobile)).isEmpty();

        events.publish(
                new CustomerRecorded(customerId, "王芳", List.of("+86" + phone), null, true, Instant.now()), customerId);
        events.publish(
                new CustomerChanged(
                        customerId,
                        1,
                        "王芳",
                        List.of("+86" + phone, "+86" + newMobile, "+86" + landline.substring(1)),
                        "KEY",
                        true,
                        Instant.now()),
                customerId);

        for (var typed : List.of(
                newMobile,
                "+86 " + dashed(newMobile),
                "0086 " + newMobile.substring(0, 3) + " " + newMobile.substring(3, 7) + " " + newMobile.substring(7),
                landline,
                "(" + landline.substring(0, 3) + ") " + landline.substring(3, 7) + "-" + landline.substring(7),
                "+86 " + landline.substring(1, 3) + " " + landline.substring(3))) {
            await().atMost(WAIT).untilAsserted(() -> {
                var machines = lookUp("phone=" + encoded(typed));
                assertThat(machines).as(typed).hasSize(1);
                assertThat(machines.get(0).path("serialNumber").asString()).isEqualTo(serial);
                assertThat(machines.get(0).path("customerId").asString()).isEqualTo(customerId);
                assertThat(machines.get(0).path("customerTier").asString()).isEqualTo("KEY");
            });
        }
    }

    @Test
    void a_phone_removed_from_the_customer_no_longer_finds_their_machines() throws Exception {
        var oldMobile = aMobile();
        events.publish(
                new CustomerRecorded(
                        customerId, "王芳", List.of("+86" + phone, "+86" + oldMobile), null, true, Instant.now()),
                customerId);
        await().atMost(WAIT).until(() -> lookUp("phone=" + oldMobile).size() == 1);

        events.publish(
                new CustomerChanged(customerId, 1, "王芳", List.of("+86" + phone), null, true, Instant.now()),
                customerId);

        await().atMost(WAIT).until(() -> lookUp("phone=" + oldMobile).isEmpty());
        assertThat(lookUp("phone=" + phone)).hasSize(1); // the number the machine was installed with still does
    }

    @Test
    void after_a_merge_the_survivors_phones_find_the_merged_customers_machines() throws Exception {
        var survivorSerial = serial + "-S";
        var survivorId = customerId + "-S";
        var survivorPhone = aMobile();
        var phoneOfNeither = aMobile(); // the master's alone: neither machine was installed with it
        install(survivorSerial, survivorId, "王芳", survivorPhone);
        events.publish(
                new CustomerRecorded(customerId, "王小姐", List.of("+86" + phone), null, true, Instant.now()), customerId);
        events.publish(
                new CustomerRecorded(survivorId, "王芳", List.of("+86" + survivorPhone), null, true, Instant.now()),
                survivorId);
        await().atMost(WAIT).until(() -> lookUp("phone=" + survivorPhone).size() == 1);

        events.publish(
                new CustomersMerged(
                        survivorId,
                        customerId,
                        1,
                        "王芳",
                        List.of("+86" + survivorPhone, "+86" + phone, "+86" + phoneOfNeither),
                        "KEY",
                        true,
                        Instant.now()),
                survivorId);

        for (var typed : List.of(survivorPhone, dashed(phone), "+86" + phoneOfNeither)) {
            await().atMost(WAIT).untilAsserted(() -> {
                var machines = lookUp("phone=" + encoded(typed));
                assertThat(machines)
                        .as(typed)
                        .extracting(m -> m.path("serialNumber").asString())
                        .containsExactlyInAnyOrder(serial, survivorSerial);
                assertThat(machines)
                        .extracting(m -> m.path("customerId").asString())
                        .containsOnly(survivorId);
            });
        }
    }

    @Test
    void the_merged_customers_record_arriving_after_the_merge_does_not_undo_it() throws Exception {
        var survivorId = customerId + "-S";
        events.publish(
                new CustomersMerged(survivorId, customerId, 1, "王芳", List.of("+86" + phone), null, true, Instant.now()),
                survivorId);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(lookUp("phone=" + phone))
                        .extracting(m -> m.path("customerId").asString())
                        .containsExactly(survivorId));

        // the merged customer's own partition lags (a replay): its record comes after the merge
        events.publish(
                new CustomerRecorded(customerId, "王小姐", List.of("+86" + phone), null, true, Instant.now()), customerId);
        var behindIt = onThePartitionOf(customerId);
        events.publish(
                new CustomerRecorded(behindIt, "李四", List.of("+86" + aMobile()), null, true, Instant.now()), behindIt);
        await().atMost(WAIT).until(() -> mongo.findById(behindIt, org.bson.Document.class, "customers") != null);

        assertThat(lookUp("phone=" + phone))
                .extracting(
                        m -> m.path("customerId").asString(),
                        m -> m.path("customerName").asString())
                .containsExactly(tuple(survivorId, "王芳"));
    }

    /** A new customer id whose events share a partition with {@code customerId}'s, so they arrive after them. */
    static String onThePartitionOf(String customerId) {
        var partitions = 2; // @ServiceSliceTest's broker
        for (int i = 0; ; i++) {
            var candidate = customerId + "-P" + i;
            if (partitionOf(candidate, partitions) == partitionOf(customerId, partitions)) {
                return candidate;
            }
        }
    }

    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Test
    void an_erased_survivor_is_found_by_none_of_its_or_the_merged_customers_phones() throws Exception {
        var survivorSerial = serial + "-S";
        var survivorId = customerId + "-S";
        var survivorPhone = aMobile();
        var laterPhone = aMobile();
        install(survivorSerial, survivorId, "王芳", survivorPhone);
        events.publish(
                new CustomerRecorded(customerId, "王小姐", List.of("+86" + phone), null, true, Instant.now()), customerId);
        events.publish(
                new CustomersMerged(
                        survivorId,
                        customerId,
                        1,
                        "王芳",
                        List.of("+86" + survivorPhone, "+86" + phone, "+86" + laterPhone),
                        null,
                        true,
                        Instant.now()),
                survivorId);
        await().atMost(WAIT).until(() -> lookUp("phone=" + laterPhone).size() == 2);

        events.publish(new CustomerErased(survivorId, List.of(customerId), Instant.now()), survivorId);

        await().atMost(WAIT).untilAsserted(() -> {
            for (var former : List.of(survivorPhone, phone, laterPhone)) {
                assertThat(lookUp("phone=" + former)).as(former).isEmpty();
            }
            for (var collection : mongo.getCollectionNames()) {
                for (var document : mongo.getCollection(collection).find()) {
                    assertThat(document.toJson()).as(collection).doesNotContain(survivorPhone, phone, laterPhone);
                }
            }
        });
        assertThat(lookUp("serialNumber=" + serial)).hasSize(1);
        assertThat(lookUp("serialNumber=" + survivorSerial)).hasSize(1);
    }

    JsonNode lookUp(String query) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callers?" + query))
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-" + UUID.randomUUID()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("machines");
    }

    static String encoded(String typed) {
        return URLEncoder.encode(typed, StandardCharsets.UTF_8);
    }

    static String dashed(String phone) {
        return phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
    }
}
