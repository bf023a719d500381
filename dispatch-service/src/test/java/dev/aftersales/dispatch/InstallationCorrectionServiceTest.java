package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationPart;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Correcting an archived machine's record: the office's door, with a reason, kept as a history and
 * published as {@code InstallationCorrected} for intake's caller lookup and followup.
 */
@ServiceSliceTest
class InstallationCorrectionServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DISPATCHER = TestTokens.token("disp-7", Map.of(), Role.DISPATCHER);

    static final String ARCHIVE = """
            {"dealers": [{"dealerId": "D-CR", "name": "成都经销商", "regionCode": "510104"}],
             "technicians": [
               {"technicianId": "T-CR1", "dealerId": "D-CR", "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-CR2", "dealerId": "D-CR", "productLines": ["WATER_PURIFIER"]}],
             "installations": [
               {"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER", "customerId": "CU-CR",
                "dealerId": "D-CR", "installerId": "T-CR1", "installedOn": "2025-03-10",
                "site": {"address": "成都市锦江区红星路1号", "regionCode": "510104"}}]}
            """;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Installations installations;

    @Autowired
    Clock clock;

    DispatchApi api;
    TestEvents events;
    String serial;

    @BeforeEach
    void importAMachine() throws Exception {
        api = new DispatchApi(port);
        events = new TestEvents(brokers);
        serial = "WP-CR" + UUID.randomUUID().toString().substring(0, 8);
        var imported = api.post("/api/archive/import", TestTokens.ops(), ARCHIVE.formatted(serial));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void a_dispatchers_correction_is_kept_in_the_history_published_and_sends_the_corrected_installer()
            throws Exception {
        var now = clock.instant();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            var response = correct(DISPATCHER, """
                    {"reason": "安装单录错了安装人员", "installerId": "T-CR2"}""");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/installations/" + serial);
            assertThat((Integer) JsonPath.read(response.body(), "$.revision")).isEqualTo(1);
            assertThat((String) JsonPath.read(response.body(), "$.installerId")).isEqualTo("T-CR2");
            assertThat((String) JsonPath.read(response.body(), "$.wholeMachineWarrantyUntil"))
                    .isEqualTo("2026-03-09");
            assertThat((String) JsonPath.read(response.body(), "$.corrections[0].correctedBy"))
                    .isEqualTo("disp-7");
            assertThat(Instant.parse(JsonPath.read(response.body(), "$.corrections[0].correctedAt")))
                    .isEqualTo(now);
            assertThat((String) JsonPath.read(response.body(), "$.corrections[0].reason"))
                    .isEqualTo("安装单录错了安装人员");
            assertThat((List<String>) JsonPath.read(response.body(), "$.corrections[0].parts"))
                    .containsExactly("INSTALLER");
            assertThat((List<Map<String, String>>) JsonPath.read(response.body(), "$.corrections[0].changes"))
                    .containsExactly(Map.of("field", "installerId", "before", "T-CR1", "after", "T-CR2"));

            var corrected = tap.await(s -> s.is(InstallationCorrected.class) && serial.equals(s.key()), WAIT)
                    .as(InstallationCorrected.class);
            assertThat(corrected.revision()).isEqualTo(1);
            assertThat(corrected.corrected()).containsExactly(InstallationPart.INSTALLER);
            assertThat(corrected.installerId()).isEqualTo("T-CR2");
            assertThat(corrected.customerId()).isEqualTo("CU-CR");
            assertThat(corrected.customerName()).isNull();
            assertThat(corrected.address()).isEqualTo("成都市锦江区红星路1号");
            assertThat(corrected.installedOn()).isEqualTo(LocalDate.parse("2025-03-10"));
            assertThat(corrected.wholeMachineWarrantyUntil()).isEqualTo(LocalDate.parse("2026-03-09"));
        }
        var shown = api.get("/api/installations/" + serial, TestTokens.ops());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(shown.body(), "$.corrections[0].reason"))
                .isEqualTo("安装单录错了安装人员");

        var complaintId = "C-" + UUID.randomUUID();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, serial), complaintId);
            var assigned = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class);
            assertThat(assigned.technicianId()).isEqualTo("T-CR2");
        }
    }

    @Test
    void a_correction_is_audited_with_the_record_and_shown_to_operations_in_the_audit_view() throws Exception {
        var response = correct(DISPATCHER, """
                {"reason": "安装单录错了安装人员", "installerId": "T-CR2"}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        // in the same write: the stored record's outbox holds the entry until the relay copies it
        Awaitility.await().atMost(WAIT).until(() -> {
            var audit = api.get("/admin/audit?action=archive.corrected&subject=" + serial, TestTokens.ops());
            return audit.statusCode() == 200 && audit.body().contains("\"actor\":\"disp-7\"");
        });
        var audit = api.get("/admin/audit?action=archive.corrected&subject=" + serial, TestTokens.ops());
        assertThat((List<String>) JsonPath.read(audit.body(), "$.items[*].details.parts"))
                .containsExactly("INSTALLER");
        assertThat((List<String>) JsonPath.read(audit.body(), "$.items[*].details.revision"))
                .containsExactly("1");
        assertThat(audit.body()).doesNotContain("成都市").doesNotContain("安装单录错了");
    }

    @Test
    void only_a_corrected_installation_date_moves_the_warranty() throws Exception {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            var customer = correct(DISPATCHER, """
                    {"reason": "客户换了手机号", "customer": {"customerId": "CU-CR", "name": "刘洋", "phone": "13912345678"},
                     "site": {"address": "成都市锦江区红星路2号", "regionCode": "510104"}}""");
            assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
            assertThat((String) JsonPath.read(customer.body(), "$.wholeMachineWarrantyUntil"))
                    .isEqualTo("2026-03-09");
            assertThat((List<Map<String, String>>) JsonPath.read(customer.body(), "$.corrections[0].changes"))
                    .containsExactly(Map.of("field", "site.address", "before", "成都市锦江区红星路1号", "after", "成都市锦江区红星路2号"));

            var date = correct(TestTokens.ops(), """
                    {"reason": "安装日期以验收单为准", "installedOn": "2025-04-01"}""");
            assertThat(date.statusCode()).as(date.body()).isEqualTo(201);
            assertThat((Integer) JsonPath.read(date.body(), "$.revision")).isEqualTo(2);
            assertThat((String) JsonPath.read(date.body(), "$.wholeMachineWarrantyUntil"))
                    .isEqualTo("2026-03-31");

            var first = tap.await(
                            s -> s.is(InstallationCorrected.class)
                                    && serial.equals(s.key())
                                    && s.as(InstallationCorrected.class).revision() == 1,
                            WAIT)
                    .as(InstallationCorrected.class);
            assertThat(first.corrected()).containsExactly(InstallationPart.CUSTOMER, InstallationPart.SITE);
            assertThat(first.customerName()).isEqualTo("刘洋");
            assertThat(first.customerPhone()).isEqualTo("13912345678");
            assertThat(first.wholeMachineWarrantyUntil()).isEqualTo(LocalDate.parse("2026-03-09"));
            var second = tap.await(
                            s -> s.is(InstallationCorrected.class)
                                    && serial.equals(s.key())
                                    && s.as(InstallationCorrected.class).revision() == 2,
                            WAIT)
                    .as(InstallationCorrected.class);
            assertThat(second.corrected()).containsExactly(InstallationPart.INSTALLED_ON);
            assertThat(second.customerName())
                    .as("not corrected this time, so not repeated")
                    .isNull();
            assertThat(second.wholeMachineWarrantyUntil()).isEqualTo(LocalDate.parse("2026-03-31"));
            assertThat(second.mainPartsWarrantyUntil()).isEqualTo(LocalDate.parse("2028-03-31"));
        }
        assertThat(installations.bySerialNumber(serial).orElseThrow().installedOn())
                .isEqualTo(LocalDate.parse("2025-04-01"));
    }

    @Test
    void the_same_correction_sent_again_changes_nothing_and_publishes_nothing() throws Exception {
        var body = """
                {"reason": "安装单录错了安装人员", "installerId": "T-CR2"}""";
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            assertThat(correct(DISPATCHER, body).statusCode()).isEqualTo(201);
            var again = correct(DISPATCHER, body);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat((Integer) JsonPath.read(again.body(), "$.revision")).isEqualTo(1);

            tap.await(s -> s.is(InstallationCorrected.class) && serial.equals(s.key()), WAIT);
            // (The import's own InstallationRecorded may be swept out meanwhile: only corrections count.)
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .filteredOn(s -> serial.equals(s.key()) && s.is(InstallationCorrected.class))
                    .hasSize(1);
        }
    }

    @Test
    void a_correction_needs_the_office_a_reason_a_known_installer_and_an_archived_machine() throws Exception {
        var before = installations.bySerialNumber(serial).orElseThrow();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            var noReason = correct(DISPATCHER, """
                    {"installerId": "T-CR2"}""");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("\"field\":\"reason\"");
            var nothing = correct(DISPATCHER, """
                    {"reason": "没什么"}""");
            assertThat(nothing.statusCode()).isEqualTo(400);
            assertThat(nothing.body()).contains("\"field\":\"body\"");
            var unknownInstaller = correct(DISPATCHER, """
                    {"reason": "换人", "installerId": "T-NOBODY"}""");
            assertThat(unknownInstaller.statusCode()).isEqualTo(400);
            assertThat(unknownInstaller.body()).contains("\"field\":\"installerId\"");
            var valid = """
                    {"reason": "换人", "installerId": "T-CR2"}""";
            assertThat(correct(TestTokens.technician("T-CR2", "D-CR"), valid).statusCode())
                    .isEqualTo(403);
            assertThat(correct(TestTokens.agent("agent-1"), valid).statusCode()).isEqualTo(403);
            assertThat(api.post("/api/installations/WP-NOT-ARCHIVED/corrections", DISPATCHER, valid)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(api.get("/api/installations/" + serial, TestTokens.technician("T-CR1", "D-CR"))
                            .statusCode())
                    .isEqualTo(403);

            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .noneMatch(s -> serial.equals(s.key()) && s.is(InstallationCorrected.class));
        }
        assertThat(installations.bySerialNumber(serial)).hasValue(before);
    }

    @Test
    void an_import_adds_machines_but_never_changes_an_archived_one() throws Exception {
        var before = installations.bySerialNumber(serial).orElseThrow();
        var changedInstaller =
                ARCHIVE.formatted(serial).replace("\"installerId\": \"T-CR1\"", "\"installerId\": \"T-CR2\"");

        var batch = api.post("/api/archive/import", TestTokens.ops(), changedInstaller);
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(400);
        assertThat(batch.body()).contains("\"field\":\"installations[0]\"").contains("/corrections");

        var rows = api.post("/api/archive/installations", DISPATCHER, """
                [{"serialNumber": "%s", "dealerId": "D-CR", "installerId": "T-CR2", "installedOn": "2025-03-10"},
                 {"serialNumber": "%s-NEW", "dealerId": "D-CR", "installerId": "T-CR2", "installedOn": "2025-03-10"}]
                """.formatted(serial, serial));
        assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(rows.body(), "$.loaded")).isEqualTo(1);
        assertThat((List<Integer>) JsonPath.read(rows.body(), "$.rejected[*].line"))
                .containsExactly(1);

        assertThat(installations.bySerialNumber(serial)).hasValue(before);
        assertThat(installations.bySerialNumber(serial + "-NEW")).isPresent();
    }

    private java.net.http.HttpResponse<String> correct(String token, String body) throws Exception {
        return api.post("/api/installations/" + serial + "/corrections", token, body);
    }
}
