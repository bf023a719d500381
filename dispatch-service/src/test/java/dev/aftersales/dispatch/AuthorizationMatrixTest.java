package dev.aftersales.dispatch;

import static dev.aftersales.chassis.test.AuthorizationMatrix.A;
import static dev.aftersales.chassis.test.AuthorizationMatrix.B;
import static dev.aftersales.chassis.test.AuthorizationMatrix.C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.AuthorizationMatrix;
import dev.aftersales.chassis.test.AuthorizationMatrix.Party;
import dev.aftersales.chassis.test.AuthorizationMatrix.Scene;
import dev.aftersales.chassis.test.AuthorizationMatrix.Target;
import dev.aftersales.chassis.test.AuthorizationTable.Whose;
import dev.aftersales.chassis.test.ChassisDoors;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Decision;
import dev.aftersales.dispatch.assignment.domain.Fixtures;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every door of dispatch × every role × whose record, as {@code docs/authorization.md} says: the
 * technicians' app on their own and on another technician's assignment (and push stream), the
 * dispatcher's views, the archive and its machine records, including the hijack of an archived
 * machine ({@code existing}).
 */
@ServiceSliceTest
class AuthorizationMatrixTest {

    /** An authorized service point with one technician, for the dispatcher's hand-over. */
    static final String SERVICE_POINT = "SP-M";

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Assignments assignments;

    @Autowired
    TechnicianFeeds feeds;

    @Autowired
    Clock clock;

    DispatchApi api;

    @BeforeEach
    void importTheirDealersAndTechnicians() throws Exception {
        api = new DispatchApi(port);
        var archive = """
                {"dealers": [{"dealerId": "%1$s"}, {"dealerId": "%2$s"}, {"dealerId": "%3$s"}],
                 "technicians": [
                   {"technicianId": "%4$s", "dealerId": "%1$s", "productLines": ["WATER_PURIFIER"]},
                   {"technicianId": "%5$s", "dealerId": "%2$s", "productLines": ["WATER_PURIFIER"]},
                   {"technicianId": "%6$s", "dealerId": "%3$s", "productLines": ["WATER_PURIFIER"]},
                   {"technicianId": "%7$s-T", "dealerId": "%7$s", "productLines": ["WATER_PURIFIER"]}],
                 "servicePoints": [{"servicePointId": "%7$s", "name": "矩阵维修点", "type": "SERVICE_POINT", "regionCode": "310115"}]}
                """.formatted(
                        A.dealerId(),
                        B.dealerId(),
                        C.dealerId(),
                        A.technicianId(),
                        B.technicianId(),
                        C.technicianId(),
                        SERVICE_POINT);
        var imported = api.post("/api/archive/import", TestTokens.ops(), archive);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void every_door_answers_every_role_as_the_table_says() {
        var matrix = AuthorizationMatrix.of("dispatch", port, context)
                .door("GET /api/technician/assignments", scene -> {
                    var id = offeredTo(scene.owner());
                    return Target.at("/api/technician/assignments").shows(body -> body.contains(id));
                })
                .door("GET /api/technician/assignments/{assignmentId}", scene -> onAssignment(scene, ""))
                .door(
                        "POST /api/technician/assignments/{assignmentId}/acceptance",
                        scene -> onAssignment(scene, "/acceptance"))
                .door(
                        "POST /api/technician/assignments/{assignmentId}/decline",
                        scene -> onAssignment(scene, "/decline").json("{\"reason\": \"TOO_FAR\", \"note\": \"跨区\"}"))
                .door("PUT /api/technician/assignments/{assignmentId}/appointment", scene -> {
                    var start = clock.instant().plus(Duration.ofDays(1));
                    return onAssignment(scene, "/appointment")
                            .json("{\"windowStart\": \"%s\", \"windowEnd\": \"%s\"}"
                                    .formatted(start, start.plus(Duration.ofHours(2))));
                })
                .door(
                        "POST /api/technician/assignments/{assignmentId}/quote",
                        scene -> onAssignment(scene, "/quote")
                                .json(
                                        "{\"parts\": [{\"partNumber\": \"FLT-RO-01\", \"quantity\": 1, \"unitPrice\": 80}]}"))
                .door("POST /api/technician/assignments/{assignmentId}/fee-consent/code", scene -> {
                    var assignment = Fixtures.quotedFor(
                            "C-M" + UUID.randomUUID(),
                            newSerial(),
                            scene.owner().technicianId(),
                            scene.owner().dealerId(),
                            clock.instant());
                    assertThat(assignments.add(assignment)).isTrue();
                    return Target.at("/api/technician/assignments/" + assignment.id() + "/fee-consent/code")
                            .json("{\"amount\": 200}")
                            .state(AuthorizationMatrix.stored(mongo, "assignments", assignment.id()));
                })
                .door("POST /api/technician/assignments/{assignmentId}/fee-consent/confirmation", scene -> {
                    var assignment = Fixtures.withConsentCode(
                            "C-M" + UUID.randomUUID(),
                            newSerial(),
                            scene.owner().technicianId(),
                            scene.owner().dealerId(),
                            "246810",
                            clock.instant());
                    assertThat(assignments.add(assignment)).isTrue();
                    return Target.at("/api/technician/assignments/" + assignment.id() + "/fee-consent/confirmation")
                            .json("{\"code\": \"246810\"}")
                            .state(AuthorizationMatrix.stored(mongo, "assignments", assignment.id()));
                })
                .door("POST /api/assignments/{assignmentId}/fee-consent", scene -> {
                    var assignment = Fixtures.quotedFor(
                            "C-M" + UUID.randomUUID(),
                            newSerial(),
                            scene.owner().technicianId(),
                            scene.owner().dealerId(),
                            clock.instant());
                    assertThat(assignments.add(assignment)).isTrue();
                    return Target.at("/api/assignments/" + assignment.id() + "/fee-consent")
                            .json("{\"amount\": 200, \"note\": \"客户来电确认，无法接收短信\"}")
                            .state(AuthorizationMatrix.stored(mongo, "assignments", assignment.id()));
                })
                .door(
                        "POST /api/technician/assignments/{assignmentId}/arrival",
                        scene -> onAssignment(scene, "/arrival"))
                .door(
                        "POST /api/technician/assignments/{assignmentId}/parts-requests",
                        scene -> onAssignment(scene, "/parts-requests")
                                .json("{\"partNumber\": \"FLT-RO-01\", \"quantity\": 1}"))
                .door(
                        "POST /api/technician/assignments/{assignmentId}/completion",
                        scene -> onAssignment(scene, "/completion")
                                .json(
                                        "{\"diagnosis\": \"滤芯堵塞\", \"partsUsed\": [], \"feeCharged\": 0, \"fixed\": true}"))
                .door("POST /api/technician/assignments/offline-updates", scene -> {
                    var id = offeredTo(scene.owner());
                    var clientId = UUID.randomUUID().toString();
                    return Target.at("/api/technician/assignments/offline-updates")
                            .json(
                                    "{\"updates\": [{\"clientId\": \"%s\", \"at\": \"%s\", \"assignmentId\": \"%s\", \"type\": \"ACCEPT\"}]}"
                                            .formatted(clientId, clock.instant(), id))
                            .state(AuthorizationMatrix.stored(mongo, "assignments", id))
                            .shows(body -> body.contains("\"outcome\":\"APPLIED\""));
                })
                .door("GET /api/technician/feed", scene -> {
                    var id = offeredTo(scene.owner());
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> feeds.byTechnician(scene.owner().technicianId())
                                    .map(feed -> feed.entries().stream()
                                            .anyMatch(e -> e.assignmentId().equals(id)))
                                    .orElse(false));
                    // Everything in the feed at connection time comes before the first keep-alive.
                    return Target.at("/api/technician/feed")
                            .header("Accept", "text/event-stream")
                            .streamUntil(line -> line.startsWith(": keep-alive"))
                            .shows(body -> body.contains(id));
                })
                // A ticket opens the caller's own stream once (LiveFeedServiceTest); no record of anyone's.
                .door(
                        "POST /api/technician/feed/tickets",
                        scene -> Target.at("/api/technician/feed/tickets")
                                .state(() -> mongo.getCollection("feedTickets").countDocuments())
                                .shows(body -> body.contains("\"ticket\"")))
                .door("GET /api/assignments/export.csv", scene -> {
                    var id = offeredTo(scene.owner());
                    return Target.at("/api/assignments/export.csv?status=ASSIGNED&technicianId="
                                    + scene.owner().technicianId()
                                    + "&from="
                                    + clock.instant().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS))
                            .shows(body -> body.contains(id));
                })
                .door("GET /api/assignments", scene -> {
                    var id = offeredTo(scene.owner());
                    // the newest of the technician's: the list is oldest first and pages at 200 at most
                    return Target.at("/api/assignments?status=ASSIGNED&limit=200&technicianId="
                                    + scene.owner().technicianId()
                                    + "&from="
                                    + clock.instant().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS))
                            .shows(body -> body.contains(id));
                })
                .door(
                        "GET /api/assignments/{assignmentId}",
                        scene -> Target.at("/api/assignments/" + offeredTo(scene.owner())))
                .door(
                        "POST /api/assignments/{assignmentId}/manual-assignment",
                        scene -> onDispatchersAssignment(scene, "/manual-assignment")
                                .json("{\"technicianId\": \"%s\", \"note\": \"客户指定\"}"
                                        .formatted(scene.third().technicianId())))
                .door(
                        "POST /api/assignments/{assignmentId}/service-point-handover",
                        scene -> onDispatchersAssignment(scene, "/service-point-handover")
                                .json("{\"servicePointId\": \"%s\"}".formatted(SERVICE_POINT)))
                .door(
                        "POST /api/assignments/{assignmentId}/chain-rerun",
                        scene -> onDispatchersAssignment(scene, "/chain-rerun"))
                .door("POST /api/technician/assignments/{assignmentId}/withdrawal-acknowledgement", scene -> {
                    // A case withdrawn while its technician was on site waits for their acknowledgement.
                    var assignment = Fixtures.offeredTo(
                            "C-M" + UUID.randomUUID(),
                            newSerial(),
                            scene.owner().technicianId(),
                            scene.owner().dealerId(),
                            clock.instant());
                    assignment.arrive(clock.instant());
                    assignment.withdraw(WithdrawalReason.CUSTOMER_CANCELLED, clock.instant());
                    assertThat(assignments.add(assignment)).isTrue();
                    return Target.at("/api/technician/assignments/" + assignment.id() + "/withdrawal-acknowledgement")
                            .state(AuthorizationMatrix.stored(mongo, "assignments", assignment.id()));
                })
                .door(
                        "GET /api/dealers/{dealerId}/first-time-fix",
                        scene -> Target.at("/api/dealers/" + scene.owner().dealerId() + "/first-time-fix"))
                .door(
                        "PUT /api/technicians/{technicianId}/availability",
                        scene -> Target.at("/api/technicians/" + scene.owner().technicianId() + "/availability")
                                .json("{\"workStart\": \"08:00\", \"workEnd\": \"18:00\"}")
                                .state(AuthorizationMatrix.stored(
                                        mongo, "technicians", scene.owner().technicianId())))
                .door("POST /api/archive/import", scene -> {
                    var serial = newSerial();
                    return Target.at("/api/archive/import")
                            .json("{\"installations\": [%s]}".formatted(installation(serial, scene.owner())))
                            .state(AuthorizationMatrix.stored(mongo, "installations", serial));
                })
                .door("POST /api/archive/installations", scene -> {
                    var serial = newSerial();
                    return Target.at("/api/archive/installations")
                            .json("[%s]".formatted(installation(serial, scene.owner())))
                            .state(AuthorizationMatrix.stored(mongo, "installations", serial));
                })
                .door("POST /api/archive/installation-imports", scene -> {
                    var serial = newSerial();
                    return Target.at("/api/archive/installation-imports")
                            .body(
                                    "text/csv",
                                    "serialNumber,dealerId,installerId,installedOn\n%s,%s,%s,2025-03-10\n"
                                            .formatted(
                                                    serial,
                                                    scene.owner().dealerId(),
                                                    scene.owner().technicianId()))
                            .state(AuthorizationMatrix.stored(mongo, "installations", serial));
                })
                .door(
                        "GET /api/archive/installation-imports/{jobId}",
                        scene -> Target.at("/api/archive/installation-imports/" + importJob(scene.owner())))
                .door(
                        "GET /api/archive/installation-imports/{jobId}/rejected-rows",
                        scene -> Target.at(
                                "/api/archive/installation-imports/" + importJob(scene.owner()) + "/rejected-rows"))
                .door("POST /api/installations", scene -> {
                    // own/other: a new machine of the owner's dealer with the owner as installer;
                    // existing: another dealer's archived machine, reported as the caller's own (the hijack)
                    var serial = newSerial();
                    var reportedFor = scene.owner();
                    if (scene.whose() == Whose.EXISTING) {
                        archived(serial, scene.owner());
                        reportedFor = scene.caller();
                    }
                    return Target.at("/api/installations")
                            .json("""
                                    {"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER",
                                     "dealerId": "%s", "installerId": "%s", "installedOn": "2026-01-15",
                                     "customer": {"customerId": "CU-M", "name": "王芳", "phone": "13812345678"},
                                     "site": {"address": "上海市浦东新区张江路88号", "regionCode": "310115"}}""".formatted(serial, reportedFor.dealerId(), reportedFor.technicianId()))
                            .state(AuthorizationMatrix.stored(mongo, "installations", serial));
                })
                .door("GET /api/installations/{serialNumber}", scene -> {
                    var serial = newSerial();
                    archived(serial, scene.owner());
                    return Target.at("/api/installations/" + serial);
                })
                .door("POST /api/installations/{serialNumber}/corrections", scene -> {
                    var serial = newSerial();
                    archived(serial, scene.owner());
                    return Target.at("/api/installations/" + serial + "/corrections")
                            .json("{\"reason\": \"安装单录错了安装人员\", \"installerId\": \"%s\"}"
                                    .formatted(scene.third().technicianId()))
                            .state(AuthorizationMatrix.stored(mongo, "installations", serial));
                })
                .door("GET /api/customers", scene -> {
                    var phone = newPhone();
                    customerOf(phone, "矩阵客户");
                    return Target.at("/api/customers?phone=" + phone);
                })
                .door("GET /api/customers/{customerId}", scene -> {
                    var id = customerOf(newPhone(), "矩阵客户");
                    return Target.at("/api/customers/" + id);
                })
                .door("PUT /api/customers/{customerId}", scene -> {
                    var id = customerOf(newPhone(), "矩阵客户");
                    return Target.at("/api/customers/" + id)
                            .json("{\"tier\": \"KEY\"}")
                            .state(AuthorizationMatrix.stored(mongo, "customers", id));
                })
                .door("POST /api/customers/{customerId}/alias-decisions", scene -> {
                    var phone = newPhone();
                    var id = customerOf(phone, "矩阵客户");
                    customerOf(phone, "矩阵别名");
                    return Target.at("/api/customers/" + id + "/alias-decisions")
                            .json("{\"name\": \"矩阵别名\", \"decision\": \"MERGED\"}")
                            .state(AuthorizationMatrix.stored(mongo, "customers", id));
                })
                .door("POST /api/customers/{customerId}/merges", scene -> {
                    var id = customerOf(newPhone(), "矩阵客户");
                    var other = customerOf(newPhone(), "矩阵客户");
                    return Target.at("/api/customers/" + id + "/merges")
                            .json("{\"customerId\": \"%s\"}".formatted(other))
                            .state(AuthorizationMatrix.stored(mongo, "customers", id));
                })
                .door("POST /api/customers/{customerId}/erasure", scene -> {
                    var id = customerOf(newPhone(), "矩阵客户");
                    return Target.at("/api/customers/" + id + "/erasure")
                            .state(AuthorizationMatrix.stored(mongo, "customers", id));
                });
        ChassisDoors.register(matrix, context, brokers).verify();
    }

    @Test
    void the_readme_shows_dispatchs_rows_of_the_table() {
        var table = AuthorizationMatrix.of("dispatch", port, context).table();
        assertThat(table.checkReadme("dispatch", table.readmeOf("dispatch-service")))
                .isEmpty();
    }

    /**
     * A case of the party's machine waiting for a dispatcher (escalated, nobody found), for the
     * dispatcher's hands; its state is the stored assignment.
     */
    private Target onDispatchersAssignment(Scene scene, String step) {
        var complaintId = "C-M" + UUID.randomUUID();
        var decision = new Decision(null, null, null, "no installation record");
        var assignment = Assignment.open(Fixtures.registered(complaintId, newSerial()), decision, clock.instant());
        assertThat(assignments.add(assignment)).isTrue();
        return Target.at("/api/assignments/" + assignment.id() + step)
                .state(AuthorizationMatrix.stored(mongo, "assignments", assignment.id()));
    }

    /** A new case offered to the party's technician; its state is the stored assignment. */
    private Target onAssignment(Scene scene, String step) {
        var id = offeredTo(scene.owner());
        return Target.at("/api/technician/assignments/" + id + step)
                .state(AuthorizationMatrix.stored(mongo, "assignments", id));
    }

    private String offeredTo(Party party) {
        var complaintId = "C-M" + UUID.randomUUID();
        var assignment =
                Fixtures.offeredTo(complaintId, newSerial(), party.technicianId(), party.dealerId(), clock.instant());
        assertThat(assignments.add(assignment)).isTrue();
        return assignment.id();
    }

    private void archived(String serial, Party party) throws Exception {
        var imported = api.post(
                "/api/archive/import",
                TestTokens.ops(),
                "{\"installations\": [%s]}".formatted(installation(serial, party)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    /** A machine imported with this customer's contact: the master's customer of the phone, by its id. */
    private String customerOf(String phone, String name) throws Exception {
        var imported = api.post("/api/archive/import", TestTokens.ops(), """
                {"installations": [{"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER",
                 "dealerId": "D-MA", "installedOn": "2025-03-10",
                 "customer": {"name": "%s", "phone": "%s"}}]}""".formatted(newSerial(), name, phone));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return mongo.findById("+86" + phone, org.bson.Document.class, "customer_phones")
                .getString("customerId");
    }

    private static String newPhone() {
        return "139"
                + String.format(
                        java.util.Locale.ROOT,
                        "%08d",
                        java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String installation(String serial, Party party) {
        return """
                {"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER", "dealerId": "%s",
                 "installerId": "%s", "installedOn": "2025-03-10"}""".formatted(serial, party.dealerId(), party.technicianId());
    }

    private static String newSerial() {
        return "WP-M" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An import job of one machine of the owner's dealer, submitted by the office. */
    private String importJob(Party owner) {
        var csv = "serialNumber,dealerId,installedOn\n%s,%s,2025-03-10\n".formatted(newSerial(), owner.dealerId());
        try {
            var submitted = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            "http://localhost:" + port + "/api/archive/installation-imports"))
                                    .header("Content-Type", "text/csv")
                                    .header("Authorization", "Bearer " + TestTokens.ops())
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            var location = submitted.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
