package dev.aftersales.dispatch;

import static dev.aftersales.chassis.test.AuthorizationMatrix.A;
import static dev.aftersales.chassis.test.AuthorizationMatrix.C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.BodyFuzzer;
import dev.aftersales.chassis.test.BodyFuzzer.Seed;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * Generated bodies at every POST/PUT door of dispatch ({@link BodyFuzzer}): never a 5xx, a refusal
 * stores and publishes nothing, and no caller's input becomes a meter. The technicians' doors are
 * seeded on a new assignment offered to the caller, the archive's on a new machine.
 */
@ServiceSliceTest
class BodyFuzzingTest {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    @Autowired
    Assignments assignments;

    @Autowired
    Clock clock;

    @Test
    void generated_bodies_get_an_answer_or_a_problem_and_a_refusal_changes_nothing() throws Exception {
        var api = new DispatchApi(port);
        var archive = """
                {"dealers": [{"dealerId": "%1$s"}, {"dealerId": "%2$s"}],
                 "technicians": [
                   {"technicianId": "%3$s", "dealerId": "%1$s", "productLines": ["WATER_PURIFIER"]},
                   {"technicianId": "%4$s", "dealerId": "%2$s", "productLines": ["WATER_PURIFIER"]}]}
                """.formatted(A.dealerId(), C.dealerId(), A.technicianId(), C.technicianId());
        var imported = api.post("/api/archive/import", TestTokens.ops(), archive);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        BodyFuzzer.of("dispatch", port, context, brokers)
                .seed("POST /api/technician/assignments/{assignmentId}/decline", () -> onAssignment("/decline", """
                        {"reason": "TOO_FAR", "note": "跨区"}"""))
                .seed("PUT /api/technician/assignments/{assignmentId}/appointment", () -> {
                    var start = clock.instant().plus(Duration.ofDays(1));
                    return onAssignment(
                            "/appointment",
                            "{\"windowStart\": \"%s\", \"windowEnd\": \"%s\"}"
                                    .formatted(start, start.plus(Duration.ofHours(2))));
                })
                .seed("POST /api/technician/assignments/{assignmentId}/quote", () -> onAssignment("/quote", """
                        {"parts": [{"partNumber": "FLT-RO-01", "quantity": 1, "unitPrice": 80}]}"""))
                .seed(
                        "POST /api/technician/assignments/{assignmentId}/fee-consent/code",
                        () -> new Seed("/api/technician/assignments/" + quoted() + "/fee-consent/code", """
                                {"amount": 200, "customerCannotReceiveSms": false}"""))
                // No code is open: a wrong code is a refusal that must be kept (a try used up), which a fuzzer
                // would take for a refused request that wrote; the tries are tested in FeeConsentTest.
                .seed(
                        "POST /api/technician/assignments/{assignmentId}/fee-consent/confirmation",
                        () -> new Seed("/api/technician/assignments/" + quoted() + "/fee-consent/confirmation", """
                                {"code": "123456"}"""))
                .seed(
                        "POST /api/assignments/{assignmentId}/fee-consent",
                        () -> new Seed("/api/assignments/" + quoted() + "/fee-consent", """
                        {"amount": 200, "note": "客户来电确认，无法接收短信"}"""))
                .seed(
                        "POST /api/technician/assignments/{assignmentId}/parts-requests",
                        () -> onAssignment("/parts-requests", """
                                {"partNumber": "FLT-RO-01", "quantity": 1}"""))
                .seed(
                        "POST /api/technician/assignments/{assignmentId}/completion",
                        () -> onAssignment("/completion", """
                        {"diagnosis": "滤芯堵塞", "partsUsed": [], "feeCharged": 0, "fixed": true}"""))
                .seed(
                        "POST /api/technician/assignments/offline-updates",
                        () -> new Seed(
                                "/api/technician/assignments/offline-updates",
                                "{\"updates\": [{\"clientId\": \"%s\", \"at\": \"%s\", \"assignmentId\": \"%s\", \"type\": \"ACCEPT\"}]}"
                                        .formatted(UUID.randomUUID(), clock.instant(), offered())))
                .seed(
                        "POST /api/archive/import",
                        () -> new Seed("/api/archive/import", "{\"installations\": [%s]}".formatted(installation())))
                .seed(
                        "POST /api/archive/installations",
                        () -> new Seed("/api/archive/installations", "[%s]".formatted(installation())))
                .seed(
                        "POST /api/installations",
                        () -> new Seed(
                                "/api/installations", """
                        {"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER",
                         "dealerId": "%s", "installerId": "%s", "installedOn": "2026-01-15",
                         "customer": {"customerId": "CU-F", "name": "王芳", "phone": "13812345678"},
                         "site": {"address": "上海市浦东新区张江路88号", "regionCode": "310115"}}""".formatted(newSerial(), A.dealerId(), A.technicianId())))
                .seed("POST /api/installations/{serialNumber}/corrections", () -> {
                    var serial = newSerial();
                    var archived = api.post(
                            "/api/archive/import",
                            TestTokens.ops(),
                            "{\"installations\": [%s]}".formatted(installation(serial)));
                    assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
                    return new Seed(
                            "/api/installations/" + serial + "/corrections",
                            "{\"reason\": \"安装单录错了安装人员\", \"installerId\": \"%s\"}".formatted(C.technicianId()));
                })
                .verify();
    }

    private Seed onAssignment(String step, String json) {
        return new Seed("/api/technician/assignments/" + offered() + step, json);
    }

    private String quoted() {
        var assignment = Fixtures.quotedFor(
                "C-F" + UUID.randomUUID(), newSerial(), A.technicianId(), A.dealerId(), clock.instant());
        assertThat(assignments.add(assignment)).isTrue();
        return assignment.id();
    }

    private String offered() {
        var complaintId = "C-F" + UUID.randomUUID();
        var assignment = Fixtures.offeredTo(complaintId, newSerial(), A.technicianId(), A.dealerId(), clock.instant());
        assertThat(assignments.add(assignment)).isTrue();
        return assignment.id();
    }

    private static String installation() {
        return installation(newSerial());
    }

    private static String installation(String serial) {
        return """
                {"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER", "dealerId": "%s",
                 "installerId": "%s", "installedOn": "2025-03-10"}""".formatted(serial, A.dealerId(), A.technicianId());
    }

    private static String newSerial() {
        return "WP-F" + UUID.randomUUID().toString().substring(0, 8);
    }
}
