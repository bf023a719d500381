package dev.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.BodyFuzzer;
import dev.aftersales.chassis.test.BodyFuzzer.Seed;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated bodies at every POST/PUT door of intake ({@link BodyFuzzer}): never a 5xx, a refusal
 * stores and publishes nothing, and no caller's input becomes a meter. Each door is seeded with a
 * valid request on a fresh case, so mutations reach the case's own checks.
 */
@ServiceSliceTest
class BodyFuzzingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String AGENT = TestTokens.agent("agent-fuzz");
    static final String SUPERVISOR = TestTokens.token("sup-fuzz", Map.of(), Role.SUPERVISOR);
    static final String RESOLUTION = """
            {"actions": [{"kind": "APOLOGY", "description": "书面致歉"}]}""";

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void generated_bodies_get_an_answer_or_a_problem_and_a_refusal_changes_nothing() throws Exception {
        BodyFuzzer.of("intake", port, context, brokers)
                .seed("POST /api/complaints", () -> new Seed("/api/complaints", form(newSerial())))
                .seed(
                        "POST /api/complaints/{complaintId}/answers",
                        () -> new Seed("/api/complaints/" + newCase() + "/answers", "{\"note\": \"已电话回复客户，明天上门\"}"))
                .seed(
                        "POST /api/complaints/{complaintId}/phone-resolution",
                        () -> new Seed(
                                "/api/complaints/" + newCase() + "/phone-resolution", "{\"guidance\": \"指导客户重启设备\"}"))
                .seed(
                        "POST /api/complaints/{complaintId}/resolution",
                        () -> new Seed("/api/complaints/" + newCase() + "/resolution", RESOLUTION))
                .verify();
    }

    private String newCase() throws Exception {
        var response = post(AGENT, "/api/complaints", form(newSerial()), 201);
        return JSON.readTree(response).path("complaintId").asString();
    }

    private static String newSerial() {
        return "WP-F" + UUID.randomUUID().toString().substring(0, 8);
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
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expected);
        return response.body();
    }
}
