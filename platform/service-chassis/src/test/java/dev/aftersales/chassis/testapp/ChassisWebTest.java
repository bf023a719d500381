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
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_invalid_body_gets_400_problem_json_naming_every_field() throws Exception {
        var response =
                post("/tickets", TestTokens.agent("agent-1"), "{\"kind\":\"TELEPORT\",\"contact\":{\"name\":\"\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("kind").contains("must be one of");
    }

    @Test
    void a_valid_body_is_accepted() throws Exception {
        var response = post(
                "/tickets",
                TestTokens.agent("agent-1"),
                "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("王芳");
    }

    @Test
    void no_token_gets_401() throws Exception {
        var response = post("/tickets", null, "{}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("urn:aftersales:problem:unauthenticated");
    }
}
