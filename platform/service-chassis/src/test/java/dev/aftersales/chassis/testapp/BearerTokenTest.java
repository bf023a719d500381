package dev.aftersales.chassis.testapp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Which bearer tokens a service takes: only the identity provider's, for this API, unexpired. */
@ServiceSliceTest
class BearerTokenTest {

    static final String TICKET = "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}";

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    int statusWith(String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tickets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(TICKET))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static JWTClaimsSet.Builder agent() {
        return TestTokens.claims("agent-1", Role.AGENT);
    }

    @Test
    void a_token_of_the_issuer_for_this_audience_is_accepted() throws Exception {
        assertThat(statusWith(TestTokens.signed(agent().build()))).isEqualTo(201);
    }

    @Test
    void a_token_naming_this_api_among_other_audiences_is_accepted() throws Exception {
        var token = TestTokens.signed(
                agent().audience(List.of("reporting", TestTokens.AUDIENCE)).build());
        assertThat(statusWith(token)).isEqualTo(201);
    }

    @Test
    void a_token_without_expiry_is_refused() throws Exception {
        assertThat(statusWith(TestTokens.signed(agent().expirationTime(null).build())))
                .isEqualTo(401);
    }

    @Test
    void a_token_for_another_audience_is_refused() throws Exception {
        assertThat(statusWith(TestTokens.signed(agent().audience("billing-api").build())))
                .isEqualTo(401);
    }

    @Test
    void a_token_without_audience_is_refused() throws Exception {
        assertThat(statusWith(TestTokens.signed(agent().audience((String) null).build())))
                .isEqualTo(401);
    }

    @Test
    void a_token_of_another_issuer_is_refused() throws Exception {
        assertThat(statusWith(
                        TestTokens.signed(agent().issuer("aftersales-local").build())))
                .isEqualTo(401);
    }

    @Test
    void a_token_without_subject_is_refused() throws Exception {
        assertThat(statusWith(TestTokens.signed(agent().subject(null).build()))).isEqualTo(401);
    }

    @Test
    void an_unsigned_token_with_alg_none_is_refused() throws Exception {
        var unsigned = new PlainJWT(agent().build()).serialize();
        assertThat(unsigned.split("\\.", -1)[0]).isNotEmpty();
        assertThat(statusWith(unsigned)).isEqualTo(401);
    }

    @Test
    void a_token_signed_with_hs256_using_the_public_key_as_secret_is_refused() throws Exception {
        var forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), agent().build());
        forged.sign(new MACSigner(TestTokens.publicKeyPem().getBytes(US_ASCII)));
        assertThat(statusWith(forged.serialize())).isEqualTo(401);
    }

    @Test
    void a_token_expired_61_seconds_ago_is_refused() throws Exception {
        var now = Instant.now();
        var expired = agent().issueTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.minusSeconds(61)))
                .build();
        assertThat(statusWith(TestTokens.signed(expired))).isEqualTo(401);
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_still_accepted() throws Exception {
        var now = Instant.now();
        var justExpired = agent().issueTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.minusSeconds(30)))
                .build();
        assertThat(statusWith(TestTokens.signed(justExpired))).isEqualTo(201);
    }
}
