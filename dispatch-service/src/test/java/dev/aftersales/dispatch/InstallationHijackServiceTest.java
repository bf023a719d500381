package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 11's critical finding, as it was tried from outside: a technician of one dealer posts a new
 * installation for a machine another dealer's technician installed. It must change nothing: not the
 * installer (who is sent next), not the warranty, not what the hotline's caller lookup shows.
 */
@ServiceSliceTest
class InstallationHijackServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** WP-H25 belongs to dealer D-HG, installed by T-H06; T-H30 works for dealer D-HB. */
    static final String ARCHIVE = """
            {"dealers": [
               {"dealerId": "D-HG", "name": "广州天河经销商", "regionCode": "440106"},
               {"dealerId": "D-HB", "name": "北京朝阳经销商", "regionCode": "110105"}],
             "technicians": [
               {"technicianId": "T-H06", "dealerId": "D-HG", "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-H30", "dealerId": "D-HB", "productLines": ["WATER_PURIFIER"]}],
             "installations": [
               {"serialNumber": "WP-H25", "model": "RO-400", "productLine": "WATER_PURIFIER", "customerId": "CU-H25",
                "dealerId": "D-HG", "installerId": "T-H06", "installedOn": "2025-03-10",
                "site": {"address": "广州市天河区体育西路1号", "regionCode": "440106"}}]}
            """;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Installations installations;

    DispatchApi api;
    TestEvents events;

    @BeforeEach
    void importArchive() throws Exception {
        api = new DispatchApi(port);
        events = new TestEvents(brokers);
        assertThat(api.post("/api/archive/import", TestTokens.ops(), ARCHIVE).statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void a_technician_of_another_dealer_cannot_take_over_an_archived_machine() throws Exception {
        var before = installations.bySerialNumber("WP-H25").orElseThrow();
        var intruder = TestTokens.technician("T-H30", "D-HB");
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            // As tried: his own dealer, himself as installer (the default), today's date (the default).
            var asOwnDealer = api.post("/api/installations", intruder, hijack("D-HB"));
            assertThat(asOwnDealer.statusCode()).as(asOwnDealer.body()).isEqualTo(409);
            assertThat((String) JsonPath.read(asOwnDealer.body(), "$.type"))
                    .isEqualTo("urn:aftersales:problem:already-archived");
            // Naming the machine's real dealer does not help either: he does not work for it.
            var asTheirDealer = api.post("/api/installations", intruder, hijack("D-HG"));
            assertThat(asTheirDealer.statusCode()).as(asTheirDealer.body()).isEqualTo(403);

            // The import announced the machine with its real installer (a sweep may send that late);
            // nothing names the intruder or corrects the record.
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .as("nothing reaches the caller lookup")
                    .noneMatch(s -> "WP-H25".equals(s.key())
                            && (!s.is(InstallationRecorded.class)
                                    || "T-H30"
                                            .equals(s.as(InstallationRecorded.class)
                                                    .installerId())));
        }
        assertThat(installations.bySerialNumber("WP-H25")).hasValue(before);

        // The next repair case still goes to the machine's original installer.
        var complaintId = "C-" + UUID.randomUUID();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-H25"), complaintId);
            var assigned = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class);
            assertThat(assigned.technicianId()).isEqualTo("T-H06");
        }
    }

    @Test
    void a_technician_records_a_new_machine_for_their_own_dealer_with_themselves_as_installer() throws Exception {
        var technician = TestTokens.technician("T-H30", "D-HB");
        var serial = "WP-N" + UUID.randomUUID().toString().substring(0, 8);

        var otherDealer = api.post("/api/installations", technician, newMachine(serial, "D-HG", null, null));
        assertThat(otherDealer.statusCode()).as(otherDealer.body()).isEqualTo(403);
        var otherInstaller = api.post("/api/installations", technician, newMachine(serial, "D-HB", "T-H06", null));
        assertThat(otherInstaller.statusCode()).as(otherInstaller.body()).isEqualTo(403);
        var future = api.post("/api/installations", technician, newMachine(serial, "D-HB", null, "2999-01-01"));
        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"installedOn\"");
        assertThat(installations.bySerialNumber(serial)).isEmpty();

        var own = api.post("/api/installations", technician, newMachine(serial, "D-HB", "T-H30", "2026-01-15"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat((String) JsonPath.read(own.body(), "$.wholeMachineWarrantyUntil"))
                .isEqualTo("2027-01-14");
        var archived = installations.bySerialNumber(serial).orElseThrow();
        assertThat(archived.installerId()).isEqualTo("T-H30");
        assertThat(archived.dealerId()).isEqualTo("D-HB");

        // The office may report for any dealer and installer.
        var serial2 = serial + "-2";
        var office = api.post("/api/installations", TestTokens.ops(), newMachine(serial2, "D-HG", "T-H06", null));
        assertThat(office.statusCode()).as(office.body()).isEqualTo(201);
        assertThat(installations.bySerialNumber(serial2).orElseThrow().installerId())
                .isEqualTo("T-H06");
    }

    private static String newMachine(String serial, String dealerId, String installerId, String installedOn) {
        return """
                {"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER", "dealerId": "%s"%s%s,
                 "site": {"address": "北京市朝阳区建国路2号", "regionCode": "110105"}}
                """.formatted(
                        serial,
                        dealerId,
                        installerId == null ? "" : ", \"installerId\": \"" + installerId + "\"",
                        installedOn == null ? "" : ", \"installedOn\": \"" + installedOn + "\"");
    }

    private static String hijack(String dealerId) {
        return """
                {"serialNumber": "WP-H25", "model": "RO-400", "productLine": "WATER_PURIFIER", "dealerId": "%s",
                 "customer": {"customerId": "CU-X", "name": "假客户", "phone": "13900000000"},
                 "site": {"address": "北京市朝阳区某路1号", "regionCode": "110105"}}
                """.formatted(dealerId);
    }
}
