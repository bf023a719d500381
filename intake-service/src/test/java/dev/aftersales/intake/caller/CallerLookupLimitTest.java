package dev.aftersales.intake.caller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.audit.AuditTrail;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Looking callers up returns personal data: each lookup is audited (who, which door, never the
 * phone number asked for), and one user gets at most 60 a minute; the next is a 429 problem that
 * says when to try again.
 */
@ServiceSliceTest
class CallerLookupLimitTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    AuditTrail trail;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_sixty_first_lookup_in_a_minute_is_refused_with_retry_after_and_every_lookup_is_audited() throws Exception {
        var agent = "agent-scraper-" + UUID.randomUUID().toString().substring(0, 8);
        var token = TestTokens.agent(agent);
        for (int i = 0; i < 60; i++) {
            var phone = "1380000" + String.format("%04d", i);
            assertThat(lookUp(token, phone).statusCode()).isEqualTo(200);
        }

        var refused = lookUp(token, "13800009999");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("urn:aftersales:problem:too-many-requests");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        // another agent is not held back by this one
        assertThat(lookUp(TestTokens.agent("agent-" + UUID.randomUUID()), "13800009999")
                        .statusCode())
                .isEqualTo(200);

        var audited = trail.list("personal-data.read", "callers.lookup", null, null, 500).stream()
                .filter(e -> e.actor().equals(agent))
                .toList();
        assertThat(audited).hasSize(60);
        assertThat(audited.get(0).details()).containsEntry("door", "GET /api/callers");
        assertThat(audited.toString()).doesNotContain("1380000");
    }

    private HttpResponse<String> lookUp(String token, String phone) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callers?phone=" + phone))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
