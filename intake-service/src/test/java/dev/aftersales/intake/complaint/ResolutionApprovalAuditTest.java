package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** A supervisor's approval is audited with the case (one write) and shown in the audit view, by case id only. */
@ServiceSliceTest
class ResolutionApprovalAuditTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String AGENT = TestTokens.agent("agent-audit");
    static final String SUPERVISOR = TestTokens.token("sup-audit", Map.of(), Role.SUPERVISOR);

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_approval_is_in_the_audit_view_with_who_approved_which_case_and_the_kinds_of_action() throws Exception {
        var form = """
                {"customer": {"name": "王芳", "phones": ["13812345678"], "address": "上海市浦东新区张江路88号"},
                 "machine": {"serialNumber": "WP-AU%s", "model": "RO-400"},
                 "kind": "QUALITY_COMPLAINT", "channel": "HOTLINE", "symptoms": "漏水"}""".formatted(UUID.randomUUID().toString().substring(0, 8));
        var complaintId = JSON.readTree(send("POST", AGENT, "/api/complaints", form, 201))
                .path("complaintId")
                .asString();
        send(
                "POST",
                AGENT,
                "/api/complaints/" + complaintId + "/resolution",
                "{\"actions\": [{\"kind\": \"APOLOGY\", \"description\": \"书面致歉\"}]}",
                201);
        send("POST", SUPERVISOR, "/api/complaints/" + complaintId + "/resolution/approval", null, 204);

        var path = "/admin/audit?action=resolution.approved&subject=" + complaintId;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> send("GET", SUPERVISOR, path, null, 200).contains("sup-audit"));
        var audit = send("GET", SUPERVISOR, path, null, 200);
        assertThat(audit)
                .contains("\"actions\":\"APOLOGY\"")
                .doesNotContain("王芳")
                .doesNotContain("13812345678");
    }

    private String send(String method, String token, String path, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expected);
        return response.body();
    }
}
