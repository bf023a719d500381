package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

@ServiceSliceTest
class ChassisWebTest {

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        return post(path, token, body, null);
    }

    HttpResponse<String> post(String path, String token, String body, String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_invalid_body_gets_400_problem_json_naming_every_field() throws Exception {
        var response =
                post("/tickets", TestTokens.agent("agent-1"), "{\"kind\":\"TELEPORT\",\"contact\":{\"name\":\"\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("kind").contains("must be one of");
    }

    static final String INVALID = "{\"kind\":\"TELEPORT\",\"contact\":{\"name\":\"\"},\"colour\":1}";

    @Test
    void accept_language_zh_cn_gets_chinese_problem_titles_and_field_messages() throws Exception {
        var response = post("/tickets", TestTokens.agent("agent-1"), INVALID, "zh-CN,zh;q=0.9,en;q=0.5");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"title\":\"请求无效\"")
                .contains("{\"field\":\"colour\",\"message\":\"未知字段\"}")
                .contains("{\"field\":\"kind\",\"message\":\"必须是以下之一 [")
                .contains("{\"field\":\"contact.name\",\"message\":\"不能为空\"}");
        var unauthenticated = post("/tickets", null, "{}", "zh-CN");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).contains("\"title\":\"未认证\"");
    }

    @Test
    void accept_language_en_or_none_or_another_language_gets_english() throws Exception {
        for (var language : new String[] {"en", null, "fr-FR", "en-US,zh-CN;q=0.5"}) {
            var response = post("/tickets", TestTokens.agent("agent-1"), INVALID, language);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body())
                    .as(language)
                    .contains("\"title\":\"Invalid request\"")
                    .contains("{\"field\":\"colour\",\"message\":\"unknown field\"}")
                    .contains("{\"field\":\"kind\",\"message\":\"must be one of [")
                    .contains("{\"field\":\"contact.name\",\"message\":\"must not be blank\"}");
        }
        assertThat(post("/tickets", null, "{}", "en").body()).contains("\"title\":\"Unauthenticated\"");
    }

    @Test
    void a_valid_body_is_accepted() throws Exception {
        var response = post(
                "/tickets",
                TestTokens.agent("agent-1"),
                "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("王芳");
        assertThat(response.headers().firstValue("Set-Cookie"))
                .as("stateless: no session")
                .isEmpty();
    }

    @Test
    void there_is_no_logout_to_redirect_to_a_login_page() throws Exception {
        var response = post("/logout", TestTokens.agent("agent-1"), "{}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void the_same_token_is_accepted_again_and_a_tampered_copy_of_it_is_not() throws Exception {
        var token = TestTokens.agent("agent-1");
        var body = "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}";
        assertThat(post("/tickets", token, body).statusCode()).isEqualTo(201);
        assertThat(post("/tickets", token, body).statusCode()).isEqualTo(201);
        var signature = token.lastIndexOf('.') + 5;
        var tampered = token.substring(0, signature)
                + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
        assertThat(post("/tickets", tampered, body).statusCode()).isEqualTo(401);
    }

    @Test
    void no_token_gets_401() throws Exception {
        var response = post("/tickets", null, "{}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("urn:aftersales:problem:unauthenticated");
    }

    @Test
    void a_malformed_body_gets_400_naming_the_body() throws Exception {
        var response = post("/tickets", TestTokens.agent("agent-1"), "{\"kind\": \"REPAIR\",");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"body\"").contains("not well-formed JSON");
    }

    @Test
    void an_unknown_field_is_rejected_by_name() throws Exception {
        var response = post(
                "/tickets",
                TestTokens.agent("agent-1"),
                "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\",\"phon\":\"1\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"contact.phon\"").contains("unknown field");
    }

    @Test
    void every_invalid_nested_field_is_named() throws Exception {
        var response = post(
                "/tickets",
                TestTokens.agent("agent-1"),
                "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"\",\"phone\":\"12\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"type\":\"urn:aftersales:problem:invalid-request\"")
                .contains("\"field\":\"contact.name\"")
                .contains("\"field\":\"contact.phone\"");
    }

    @Test
    void a_body_above_the_limit_gets_413() throws Exception {
        var big = "{\"kind\":\"REPAIR\",\"notes\":[\"" + "很".repeat(2000) + "\"]}";
        var response = post("/tickets", TestTokens.agent("agent-1"), big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void a_chunked_body_growing_past_the_limit_gets_413() throws Exception {
        var big = ("{\"kind\":\"REPAIR\",\"notes\":[\"" + "x".repeat(5000) + "\"]}").getBytes();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tickets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.agent("agent-1"))
                // a publisher of unknown length makes the client send the body chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void a_technician_token_on_an_agent_endpoint_gets_403() throws Exception {
        var response = post(
                "/tickets",
                TestTokens.technician("T-001", "D-SH"),
                "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void an_expired_or_foreign_token_gets_401() throws Exception {
        var token = TestTokens.agent("agent-1");
        // a changed claim (a character of the payload), with the original signature
        var forged = token.substring(0, 40) + (token.charAt(40) == 'x' ? 'y' : 'x') + token.substring(41);
        assertThat(post("/tickets", forged, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void health_is_open_and_metrics_need_an_ops_token() throws Exception {
        var health = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        var anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var ops = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("aftersales_outbox_published_total").contains("application=\"chassis-test\"");
    }

    @Test
    void request_latency_is_exported_as_service_level_buckets_for_p99_panels() throws Exception {
        post("/tickets", TestTokens.agent("agent-1"), "{}");

        var ops = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ops.body())
                .containsPattern("http_server_requests_seconds_bucket\\{.*le=\"0\\.2\".*\\}")
                .containsPattern("http_server_requests_seconds_bucket\\{.*le=\"1\\.0\".*\\}");
    }

    @Test
    void an_unknown_path_gets_404_problem_json() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/nothing-here"))
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }
}
