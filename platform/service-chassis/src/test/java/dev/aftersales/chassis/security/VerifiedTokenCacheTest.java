package dev.aftersales.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    final JwtTimestampValidator timestamps = timestamps(clock);
    final Map<String, Jwt> issued = new HashMap<>();
    final AtomicInteger verifications = new AtomicInteger();

    /** Stands for the signature-checking decoder: knows the issued tokens, checks them against the clock. */
    final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        var jwt = issued.get(token);
        if (jwt == null) {
            throw new BadJwtException("bad signature");
        }
        var result = timestamps.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("invalid", result.getErrors());
        }
        return jwt;
    };

    final VerifiedTokenCache cache = new VerifiedTokenCache(verifying, timestamps(clock), 3);

    @Test
    void a_token_sent_again_is_not_verified_again() {
        issue("a", Duration.ofHours(1), Map.of());
        var first = cache.decode("a");
        var second = cache.decode("a");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_known_token_is_refused_once_it_expires() {
        issue("a", Duration.ofMinutes(5), Map.of());
        cache.decode("a");
        clock.advance(Duration.ofMinutes(7)); // past expiry and the usual minute of skew
        assertThatThrownBy(() -> cache.decode("a")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> cache.decode("a")).isInstanceOf(JwtValidationException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_refused_token_is_not_remembered() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_certificate_bound_token_is_verified_on_every_request() {
        issue("bound", Duration.ofHours(1), Map.of("cnf", Map.of("x5t#S256", "abc")));
        cache.decode("bound");
        cache.decode("bound");
        assertThat(verifications.get()).isGreaterThanOrEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void it_keeps_only_as_many_tokens_as_its_capacity() {
        for (var token : new String[] {"a", "b", "c", "d", "e"}) {
            issue(token, Duration.ofHours(1), Map.of());
            cache.decode(token);
        }
        assertThat(cache.size()).isEqualTo(3);
        cache.decode("a"); // the oldest was forgotten: verified again
        assertThat(verifications).hasValue(6);
    }

    private void issue(String token, Duration validFor, Map<String, Object> claims) {
        var now = clock.instant();
        issued.put(
                token,
                Jwt.withTokenValue(token)
                        .header("alg", "RS256")
                        .subject("agent-1")
                        .issuedAt(now)
                        .expiresAt(now.plus(validFor))
                        .claims(c -> c.putAll(claims))
                        .build());
    }

    private static JwtTimestampValidator timestamps(MutableClock clock) {
        var validator = new JwtTimestampValidator();
        validator.setClock(clock);
        return validator;
    }
}
