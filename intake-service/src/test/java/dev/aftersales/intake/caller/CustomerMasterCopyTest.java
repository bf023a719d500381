package dev.aftersales.intake.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.dispatch.CustomerChanged;
import dev.aftersales.contracts.dispatch.CustomerErased;
import dev.aftersales.contracts.dispatch.CustomerRecorded;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Intake's copy of dispatch's customer master: what the caller lookup shows, and erasure. */
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
        phone = "139"
                + String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        events.publish(
                new InstallationRecorded(
                        serial,
                        "RO-400",
                        "WATER_PURIFIER",
                        customerId,
                        "王小姐",
                        phone,
                        "上海市浦东新区抹除路1号",
                        "310115",
                        "D-SH",
                        "T-001",
                        LocalDate.parse("2024-05-03"),
                        LocalDate.parse("2025-05-02"),
                        LocalDate.parse("2027-05-02")),
                serial);
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
        await().atMost(WAIT).until(() -> lookUp("serialNumber=" + serial).size() == 1);
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
                    assertThat(document.toJson()).as(collection).doesNotContain("王小姐", phone, dashed(phone), "抹除路");
                }
            }
        });
        assertThat(lookUp("phone=" + phone)).isEmpty();
        var machine = lookUp("serialNumber=" + serial).get(0);
        assertThat(machine.path("customerId").asString()).isEqualTo(customerId);
        var complaint = mongo.findById(complaintId, org.bson.Document.class, "complaints");
        assertThat(complaint.getString("serialNumber")).isEqualTo(serial);
        assertThat(complaint.toJson()).contains("漏水");
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

    static String dashed(String phone) {
        return phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
    }
}
