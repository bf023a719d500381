package dev.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.AuthorizationMatrix;
import dev.aftersales.chassis.test.AuthorizationMatrix.Target;
import dev.aftersales.chassis.test.ChassisDoors;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.parts.ReplacementShipped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every door of intake × every role × whose record, as {@code docs/authorization.md} says. Cases and
 * callers are the hotline's shared work, so every row is about {@code any} case: the roles decide.
 */
@ServiceSliceTest
class AuthorizationMatrixTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String AGENT = TestTokens.agent("agent-matrix");
    static final String SUPERVISOR = TestTokens.token("sup-matrix", Map.of(), Role.SUPERVISOR);

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_door_answers_every_role_as_the_table_says() {
        var matrix = AuthorizationMatrix.of("intake", port, context)
                .door("POST /api/complaints", scene -> {
                    var serial = newSerial();
                    return Target.at("/api/complaints").json(form(serial)).state(() -> casesOf(serial));
                })
                .door("GET /api/complaints", scene -> Target.at("/api/complaints?status=OPEN"))
                .door("GET /api/complaints/export.csv", scene -> Target.at("/api/complaints/export.csv?status=OPEN"))
                .door("GET /api/complaints/waiting", scene -> Target.at("/api/complaints/waiting"))
                .door("GET /api/complaints/{complaintId}", scene -> Target.at("/api/complaints/" + newCase()))
                .door(
                        "POST /api/complaints/{complaintId}/answers",
                        scene -> onCase(newCase(), "/answers").json("{\"note\": \"已电话回复客户，明天上门\"}"))
                .door(
                        "POST /api/complaints/{complaintId}/phone-resolution",
                        scene -> onCase(newCase(), "/phone-resolution").json("{\"guidance\": \"指导客户重启设备\"}"))
                .door(
                        "POST /api/complaints/{complaintId}/resolution",
                        scene -> onCase(newCase(), "/resolution").json(RESOLUTION))
                .door("POST /api/complaints/{complaintId}/resolution/approval", scene -> {
                    var id = newCase();
                    post(AGENT, "/api/complaints/" + id + "/resolution", RESOLUTION, 201);
                    return onCase(id, "/resolution/approval");
                })
                .door("POST /api/complaints/{complaintId}/resolution/acceptance", scene -> {
                    var id = newCase();
                    post(AGENT, "/api/complaints/" + id + "/resolution", RESOLUTION, 201);
                    post(SUPERVISOR, "/api/complaints/" + id + "/resolution/approval", null, 204);
                    return onCase(id, "/resolution/acceptance");
                })
                .door("POST /api/complaints/{complaintId}/resolution/actions/{actionId}/done", scene -> {
                    // own: the action is the calling dealer's; other: another dealer's
                    var agreed = agreedCase(GOODS.formatted(scene.owner().dealerId()));
                    return onCase(agreed[0], "/resolution/actions/" + agreed[1] + "/done")
                            .json("{\"evidenceReference\": \"SF-1234567\", \"note\": \"已发货\"}");
                })
                .door("POST /api/complaints/{complaintId}/resolution/actions/{actionId}/receipt", scene -> {
                    var agreed = agreedCase(GOODS.formatted("D-MA"));
                    shipped(agreed[0], agreed[1]);
                    return onCase(agreed[0], "/resolution/actions/" + agreed[1] + "/receipt")
                            .json("{\"note\": \"客户已签收\"}");
                })
                .door("GET /api/complaints/overdue-actions", scene -> Target.at("/api/complaints/overdue-actions"))
                .door(
                        "GET /api/complaints/overdue-actions/export.csv",
                        scene -> Target.at("/api/complaints/overdue-actions/export.csv"))
                .door(
                        "POST /api/complaints/{complaintId}/goodwill",
                        scene -> onCase(newCase(), "/goodwill")
                                .json("{\"kind\": \"GIFT\", \"amount\": 50, \"reason\": \"漏水弄湿地板，赠送滤芯\"}"))
                .door(
                        "POST /api/complaints/{complaintId}/cancellation",
                        scene -> onCase(newCase(), "/cancellation")
                                .json("{\"reason\": \"CUSTOMER_CANCELLED\", \"note\": \"客户自行修好\"}"))
                .door(
                        "POST /api/complaints/{complaintId}/priority",
                        scene -> onCase(newCase(), "/priority")
                                .json("{\"priority\": \"URGENT\", \"reason\": \"重点客户，停产\"}"))
                .door("GET /api/callers", scene -> Target.at("/api/callers?serialNumber=" + newSerial()));
        ChassisDoors.register(matrix, context, brokers).verify();
    }

    @Test
    void the_readme_shows_intakes_rows_of_the_table() {
        var table = AuthorizationMatrix.of("intake", port, context).table();
        assertThat(table.checkReadme("intake", table.readmeOf("intake-service")))
                .isEmpty();
    }

    static final String RESOLUTION = """
            {"actions": [{"kind": "APOLOGY", "description": "书面致歉"}]}""";

    static final String GOODS = """
            {"actions": [{"kind": "REPLACEMENT", "itemNumber": "RO-400", "quantity": 1, "ownerRole": "DEALER", "ownerDealerId": "%s"}]}""";

    /** A case with an agreed resolution: its id and the id of its first action. */
    private String[] agreedCase(String resolution) throws Exception {
        var id = newCase();
        var proposed = post(AGENT, "/api/complaints/" + id + "/resolution", resolution, 201);
        post(SUPERVISOR, "/api/complaints/" + id + "/resolution/approval", null, 204);
        post(AGENT, "/api/complaints/" + id + "/resolution/acceptance", null, 204);
        return new String[] {id, JSON.readTree(proposed).path("resolutionId").asString() + "-1"};
    }

    /** Parts reports the action's goods shipped; waits until the case recorded it. */
    private void shipped(String complaintId, String actionId) {
        try (var events = new TestEvents(brokers)) {
            events.publish(
                    new ReplacementShipped(complaintId, actionId, "D-MA", "SF-1", "dealer-a", Instant.now()),
                    complaintId);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.getCollection("complaints")
                        .find(new Document("_id", complaintId))
                        .first()
                        .toJson()
                        .contains("shippedAt"));
    }

    private Target onCase(String complaintId, String step) {
        return Target.at("/api/complaints/" + complaintId + step)
                .state(AuthorizationMatrix.stored(mongo, "complaints", complaintId));
    }

    private long casesOf(String serial) {
        return mongo.getCollection("complaints").countDocuments(new Document("machine.serialNumber", serial));
    }

    private String newCase() throws Exception {
        var response = post(AGENT, "/api/complaints", form(newSerial()), 201);
        return JSON.readTree(response).path("complaintId").asString();
    }

    private static String newSerial() {
        return "WP-M" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String form(String serial) {
        return """
                {"customer": {"name": "王芳", "phones": ["13812345678"], "address": "上海市浦东新区张江路88号"},
                 "machine": {"serialNumber": "%s", "model": "RO-400"},
                 "kind": "QUALITY_COMPLAINT", "channel": "HOTLINE", "symptoms": "漏水"}""".formatted(serial);
    }

    private String post(String token, String path, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expected);
        return response.body();
    }
}
