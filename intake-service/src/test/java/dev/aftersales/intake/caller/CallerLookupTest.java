package dev.aftersales.intake.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationPart;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceSliceTest
class CallerLookupTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String AGENT = TestTokens.agent("agent-1");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MutableClock clock;

    final HttpClient http = HttpClient.newHttpClient();
    TestEvents events;

    @BeforeEach
    void connect() {
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
        clock.set(Instant.now());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Authorization", "Bearer " + AGENT).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode lookUp(String query) throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callers?" + query))
                .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("machines");
    }

    @Test
    void finds_the_callers_machines_by_phone_or_serial_with_warranty_and_open_cases() throws Exception {
        var serial = "AC-" + UUID.randomUUID().toString().substring(0, 8);
        var phone = "139" + String.format("%08d", Math.abs(serial.hashCode()) % 100_000_000);
        events.publish(
                new InstallationRecorded(
                        serial,
                        "KFR-35",
                        "AC",
                        "CU-1",
                        "王芳",
                        phone,
                        "上海市浦东新区",
                        "310115",
                        "D-SH",
                        "T-001",
                        LocalDate.parse("2024-05-03"),
                        LocalDate.parse("2025-05-02"),
                        LocalDate.parse("2027-05-02")),
                serial);
        await().atMost(WAIT).until(() -> lookUp("serialNumber=" + serial).size() == 1);

        // The last day of the whole-machine warranty, in China.
        clock.set(Instant.parse("2025-05-02T15:59:59Z"));
        var machine = lookUp("phone=" + phone).get(0);
        assertThat(machine.path("serialNumber").asString()).isEqualTo(serial);
        assertThat(machine.path("customerName").asString()).isEqualTo("王芳");
        assertThat(machine.path("warranty").path("wholeMachine").path("covered").asBoolean())
                .isTrue();
        assertThat(machine.path("openCases")).isEmpty();

        // A second later it is 3 May in Shanghai: the whole machine is out, main parts still in.
        clock.set(Instant.parse("2025-05-02T16:00:00Z"));
        machine = lookUp("serialNumber=" + serial).get(0);
        assertThat(machine.path("warranty").path("wholeMachine").path("covered").asBoolean())
                .isFalse();
        assertThat(machine.path("warranty").path("mainParts").path("covered").asBoolean())
                .isTrue();
        assertThat(machine.path("warranty").path("mainParts").path("until").asString())
                .isEqualTo("2027-05-02");

        var form = """
                {"customer": {"name": "王芳", "phones": ["%s"]}, "machine": {"serialNumber": "%s"},
                 "kind": "REPAIR", "channel": "HOTLINE"}
                """.formatted(phone, serial);
        var registered = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(registered.statusCode()).isEqualTo(201);
        var complaintId = JSON.readTree(registered.body()).path("complaintId").asString();

        var openCases = lookUp("phone=" + phone).get(0).path("openCases");
        assertThat(openCases).hasSize(1);
        assertThat(openCases.get(0).path("complaintId").asString()).isEqualTo(complaintId);
    }

    /** Issue 15: agents type a number as the customer says it; serials are matched exactly, case aside. */
    @Test
    void a_phone_is_found_however_it_is_typed_and_a_serial_whatever_its_case() throws Exception {
        var serial = "WP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var digits = String.format("%08d", Math.abs(serial.hashCode()) % 100_000_000);
        events.publish(
                new InstallationRecorded(
                        serial,
                        "RO-400",
                        "WATER_PURIFIER",
                        "CU-9",
                        "王芳",
                        "137 " + digits.substring(0, 4) + " " + digits.substring(4),
                        "上海市浦东新区",
                        "310115",
                        "D-SH",
                        "T-001",
                        LocalDate.parse("2025-03-10"),
                        LocalDate.parse("2026-03-09"),
                        LocalDate.parse("2028-03-09")),
                serial);
        await().atMost(WAIT).until(() -> lookUp("serialNumber=" + serial).size() == 1);

        for (var typed : List.of(
                "137" + digits,
                "137-" + digits.substring(0, 4) + "-" + digits.substring(4),
                "+86 137" + digits,
                "0086137" + digits)) {
            assertThat(lookUp("phone=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8)))
                    .as(typed)
                    .singleElement()
                    .satisfies(
                            m -> assertThat(m.path("serialNumber").asString()).isEqualTo(serial));
        }
        assertThat(lookUp("serialNumber=" + serial.toLowerCase())).hasSize(1);
        assertThat(lookUp("phone=137" + digits.substring(1) + "0")).isEmpty();
    }

    @Test
    void corrections_replace_the_entry_in_order_and_an_older_record_never_undoes_them() throws Exception {
        var serial = "WP-" + UUID.randomUUID().toString().substring(0, 8);
        var installed = new InstallationRecorded(
                serial,
                "RO-400",
                "WATER_PURIFIER",
                "CU-1",
                "王芳",
                "13812345678",
                "上海市浦东新区张江路88号",
                "310115",
                "D-SH",
                "T-001",
                LocalDate.parse("2025-03-10"),
                LocalDate.parse("2026-03-09"),
                LocalDate.parse("2028-03-09"));
        events.publish(installed, serial);
        await().atMost(WAIT).until(() -> lookUp("serialNumber=" + serial).size() == 1);

        // The installer corrected: the name and phone the correction does not carry stay.
        events.publish(
                correction(serial, 1, List.of(InstallationPart.INSTALLER), "T-002", null, null, "2025-03-10"), serial);
        await().atMost(WAIT)
                .until(() -> lookUp("serialNumber=" + serial)
                        .get(0)
                        .path("installerId")
                        .asString()
                        .equals("T-002"));
        var machine = lookUp("serialNumber=" + serial).get(0);
        assertThat(machine.path("customerName").asString()).isEqualTo("王芳");
        assertThat(machine.path("customerPhone").asString()).isEqualTo("13812345678");

        // The customer and the date corrected: the new contact is found by its phone, the warranty moved.
        events.publish(
                correction(
                        serial,
                        2,
                        List.of(InstallationPart.CUSTOMER, InstallationPart.INSTALLED_ON),
                        "T-002",
                        "刘洋",
                        "13912340000",
                        "2025-04-01"),
                serial);
        await().atMost(WAIT).until(() -> lookUp("phone=13912340000").size() == 1);
        assertThat(lookUp("phone=13812345678")).isEmpty();

        // Replays of the original record and of the first correction come late; they change nothing.
        events.publish(installed, serial);
        events.publish(
                correction(serial, 1, List.of(InstallationPart.INSTALLER), "T-002", null, null, "2025-03-10"), serial);
        // Keyed like the replays, so on their partition: once it shows, they have been handled.
        var marker = "WP-" + UUID.randomUUID().toString().substring(0, 8);
        events.publish(
                correction(marker, 1, List.of(InstallationPart.SITE), "T-009", null, null, "2025-01-01"), serial);
        await().atMost(WAIT).until(() -> lookUp("serialNumber=" + marker).size() == 1);
        machine = lookUp("serialNumber=" + serial).get(0);
        assertThat(machine.path("customerName").asString()).isEqualTo("刘洋");
        assertThat(machine.path("installerId").asString()).isEqualTo("T-002");
        assertThat(machine.path("installedOn").asString()).isEqualTo("2025-04-01");
        assertThat(machine.path("warranty").path("wholeMachine").path("until").asString())
                .isEqualTo("2026-03-31");
        // A machine intake never heard of is archived from its correction (the marker above).
        assertThat(lookUp("serialNumber=" + marker).get(0).path("installerId").asString())
                .isEqualTo("T-009");
    }

    private static InstallationCorrected correction(
            String serial,
            int revision,
            List<InstallationPart> parts,
            String installer,
            String name,
            String phone,
            String installedOn) {
        var date = LocalDate.parse(installedOn);
        return new InstallationCorrected(
                serial,
                revision,
                Instant.now(),
                parts,
                "RO-400",
                "WATER_PURIFIER",
                "CU-1",
                name,
                phone,
                "上海市浦东新区张江路88号",
                "310115",
                "D-SH",
                installer,
                date,
                date.plusYears(1).minusDays(1),
                date.plusYears(3).minusDays(1));
    }

    @Test
    void a_lookup_without_phone_or_serial_is_refused() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callers"))
                .GET());

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
