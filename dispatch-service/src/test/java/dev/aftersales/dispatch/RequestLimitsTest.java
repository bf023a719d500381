package dev.aftersales.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** 64 KB on every door; only the bulk imports take more (8 MB), declared length or not. */
@ServiceSliceTest
class RequestLimitsTest {

    static final String T001 = TestTokens.technician("T-001", "D-SH");

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    /** A completion whose diagnosis alone is about 90 KB. */
    static byte[] completion90Kb() {
        return ("{\"diagnosis\": \"" + "x".repeat(90 * 1024) + "\", \"fixed\": true}").getBytes();
    }

    HttpResponse<String> post(String path, String token, byte[] body, boolean declareLength) throws Exception {
        var publisher = declareLength
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                // a publisher of unknown length: sent chunked, without Content-Length
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_90_kb_completion_with_a_declared_length_gets_413() throws Exception {
        var response = post("/api/technician/assignments/ASG-none/completion", T001, completion90Kb(), true);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:aftersales:problem:payload-too-large");
    }

    @Test
    void a_90_kb_completion_sent_chunked_gets_413() throws Exception {
        var response = post("/api/technician/assignments/ASG-none/completion", T001, completion90Kb(), false);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:aftersales:problem:payload-too-large");
    }

    @Test
    void an_archive_import_far_above_64_kb_is_read_chunked_or_not() throws Exception {
        var rows = new StringBuilder("{\"dealers\": [");
        for (int i = 0; i < 600; i++) {
            rows.append(i == 0 ? "" : ",")
                    .append("{\"dealerId\": \"D-BULK-")
                    .append(i)
                    .append("\", \"name\": \"")
                    .append("经销商".repeat(50))
                    .append("\", \"regionCode\": \"310115\"}");
        }
        var body = rows.append("]}").toString().getBytes();
        assertThat(body.length).isGreaterThan(4 * 64 * 1024);

        assertThat(post("/api/archive/import", TestTokens.ops(), body, true).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/archive/import", TestTokens.ops(), body, false).statusCode())
                .isEqualTo(200);
    }
}
