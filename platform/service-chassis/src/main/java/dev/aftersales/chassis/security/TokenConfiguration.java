package dev.aftersales.chassis.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The bearer-token decoder of every service, built by the chassis rather than by Boot so that no
 * combination of properties can leave a check out. A token is accepted only when it is signed with
 * the configured key by one of the pinned asymmetric algorithms ({@code alg: none} and HMAC are
 * refused whatever the header says), names the configured issuer, names one of the configured
 * audiences, has a subject and an expiry, and has not expired (60 s of clock skew at most).
 *
 * <p>Keys come from {@code public-key-location} (the local stack), else {@code jwk-set-uri}, else
 * the issuer's discovery document. Without the Spring profile {@code local} the service does not
 * start without an issuer and an audience, nor with the local stack's issuer.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
public class TokenConfiguration {

    /** Clocks of the identity provider and the services may differ this much, never more. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, Environment environment) throws Exception {
        var jwt = properties.getJwt();
        var settings = TokenSettings.of(jwt, environment.matchesProfiles(TokenSettings.LOCAL_PROFILE));
        var timestamps = timestamps();
        var validator = validator(settings, timestamps);
        JwtDecoder decoder;
        if (jwt.getPublicKeyLocation() != null) {
            if (settings.algorithms().size() != 1
                    || !settings.algorithms().iterator().next().getName().startsWith("RS")) {
                throw new UnsafeTokenSettingsException(
                        TokenSettings.ALGORITHMS_PROPERTY,
                        "A public-key-location holds one RSA key, but the algorithms are " + settings.algorithms()
                                + ".",
                        "Set " + TokenSettings.ALGORITHMS_PROPERTY + " to one RSA algorithm, e.g. RS256.");
            }
            var nimbus = NimbusJwtDecoder.withPublicKey(rsaKey(jwt.readPublicKey()))
                    .signatureAlgorithm(settings.algorithms().iterator().next())
                    .build();
            nimbus.setJwtValidator(validator);
            decoder = nimbus;
        } else if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
            var nimbus = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .jwsAlgorithms(a -> a.addAll(settings.algorithms()))
                    .build();
            nimbus.setJwtValidator(validator);
            decoder = nimbus;
        } else {
            // Discovery needs the identity provider; done on the first request so a start does not depend on it.
            decoder = new SupplierJwtDecoder(() -> {
                var nimbus = NimbusJwtDecoder.withIssuerLocation(settings.issuer())
                        .jwsAlgorithms(a -> a.addAll(settings.algorithms()))
                        .build();
                nimbus.setJwtValidator(validator);
                return nimbus;
            });
        }
        return new VerifiedTokenCache(decoder, timestamps, VerifiedTokenCache.CAPACITY);
    }

    /** Expiry is required: a token without {@code exp} would be valid forever. */
    static JwtTimestampValidator timestamps() {
        var timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setAllowEmptyExpiryClaim(false);
        return timestamps;
    }

    static OAuth2TokenValidator<Jwt> validator(TokenSettings settings, JwtTimestampValidator timestamps) {
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>();
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(settings.issuer()));
        validators.add(new JwtClaimValidator<Collection<String>>(
                JwtClaimNames.AUD, aud -> aud != null && !Collections.disjoint(aud, settings.audiences())));
        // Who made a change and whose idempotency keys are whose both come from the subject.
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static RSAPublicKey rsaKey(String pem) throws Exception {
        var der = Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
