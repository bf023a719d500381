package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** What a service reads of a request: bounded in size and depth, and every fault named in one answer. */
@ServiceSliceTest
class BoundedInputTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Tickets tickets;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-1"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> fieldsAtFault(String problem) {
        var fields = new ArrayList<String>();
        JSON.readTree(problem)
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    static String nested(int depth) {
        return "{\"x\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    @Test
    void an_unknown_enum_value_and_a_missing_field_are_named_in_one_answer() throws Exception {
        var response = post("/tickets", "{\"kind\":\"TELEPORT\",\"contact\":{\"name\":\"王芳\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsAtFault(response.body())).containsExactlyInAnyOrder("kind", "contact.phone");
        assertThat(response.body()).contains("must be one of [REPAIR, INSTALLATION]");
    }

    @Test
    void every_type_fault_is_named_alongside_every_validation_fault() throws Exception {
        var response = post(
                "/tickets",
                "{\"kind\":[\"REPAIR\"],\"contact\":{\"name\":{\"first\":\"芳\"},\"phone\":\"12\",\"fax\":\"1\"},"
                        + "\"notes\":\"one note\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsAtFault(response.body()))
                .containsExactlyInAnyOrder("kind", "contact.name", "contact.phone", "contact.fax", "notes");
    }

    @Test
    void a_body_nested_33_deep_gets_400_naming_the_limit() throws Exception {
        var response = post("/tickets", nested(33));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"body\"").contains("limit of 32 levels");
    }

    @Test
    void a_body_nested_32_deep_is_read_and_judged_by_its_fields() throws Exception {
        var response = post("/tickets", nested(32));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("levels").contains("\"field\":\"x\"");
    }

    @Test
    void a_change_whose_event_would_pass_the_bound_is_refused_and_nothing_is_stored() throws Exception {
        // 90,000 three-byte characters: about 270 KB of JSON, above the 256 KB default
        var refused = post("/tickets/T-huge/escalation?reasonLength=90000", "");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("urn:aftersales:problem:event-too-large");
        assertThat(tickets.findById("T-huge")).isEmpty();

        var accepted = post("/tickets/T-small/escalation?reasonLength=80000", "");
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(tickets.findById("T-small")).isPresent();
    }

    @Test
    void a_chunked_body_over_the_limit_is_refused_even_where_the_handler_ignores_its_body() throws Exception {
        var big = ("{\"notes\":[\"" + "x".repeat(5000) + "\"]}").getBytes();
        var response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/tickets/T-chunked/escalation?reasonLength=1"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-1"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(tickets.findById("T-chunked")).isEmpty();
    }
}
