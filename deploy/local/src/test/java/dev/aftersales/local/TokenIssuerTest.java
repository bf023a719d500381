package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path keys;

    @Test
    void a_token_is_an_rs256_jwt_with_roles_and_claims_signed_by_the_published_key() throws Exception {
        var issuer = TokenIssuer.open(keys, Clock.fixed(NOW, ZoneOffset.UTC));

        var token = issuer.mint("T-001", List.of("TECHNICIAN"), Map.of("technician_id", "T-001", "dealer_id", "D-SH"));

        var parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(verifies(parts, publicKey(issuer.publicKeyFile()))).isTrue();
        assertThat(part(parts[0]).get("alg").asString()).isEqualTo("RS256");
        var claims = part(parts[1]);
        assertThat(claims.get("sub").asString()).isEqualTo("T-001");
        assertThat(claims.get("iss").asString()).isEqualTo("aftersales-local");
        assertThat(claims.get("aud").asString()).isEqualTo("aftersales-api");
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("TECHNICIAN");
        assertThat(claims.get("technician_id").asString()).isEqualTo("T-001");
        assertThat(claims.get("dealer_id").asString()).isEqualTo("D-SH");
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
                .isEqualTo(Duration.ofDays(30).toSeconds());
    }

    @Test
    void the_key_pair_is_made_once_and_reused_after_a_restart() throws Exception {
        var first = TokenIssuer.open(keys, Clock.systemUTC());
        var publishedKey = Files.readString(first.publicKeyFile());

        var afterRestart = TokenIssuer.open(keys, Clock.systemUTC());
        var token = afterRestart.mint("agent-1", List.of("AGENT"), Map.of());

        assertThat(Files.readString(afterRestart.publicKeyFile())).isEqualTo(publishedKey);
        assertThat(publishedKey).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(verifies(token.split("\\."), publicKey(first.publicKeyFile())))
                .isTrue();
    }

    private static boolean verifies(String[] parts, PublicKey key) throws Exception {
        var signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        var der = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static JsonNode part(String base64) {
        return JSON.readTree(Base64.getUrlDecoder().decode(base64));
    }
}
