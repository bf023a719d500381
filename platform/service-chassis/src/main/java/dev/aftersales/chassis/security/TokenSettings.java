package dev.aftersales.chassis.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * What a service demands of a bearer token, read from Spring Boot's standard resource-server
 * properties, and the refusal to start with settings that would let foreign tokens in.
 *
 * @param issuer the only {@code iss} accepted
 * @param audiences a token must name at least one of them in {@code aud}
 * @param algorithms the signature algorithms accepted; never an HMAC one (a public key is public)
 */
record TokenSettings(String issuer, List<String> audiences, Set<SignatureAlgorithm> algorithms) {

    /** The issuer of the tokens the local stack's launcher mints; accepted only with the local profile. */
    static final String LOCAL_ISSUER = "aftersales-local";

    static final String LOCAL_PROFILE = "local";
    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";
    static final String ISSUER_PROPERTY = PREFIX + "issuer-uri";
    static final String AUDIENCES_PROPERTY = PREFIX + "audiences";
    static final String ALGORITHMS_PROPERTY = PREFIX + "jws-algorithms";
    static final String PUBLIC_KEY_PROPERTY = PREFIX + "public-key-location";
    static final String JWK_SET_PROPERTY = PREFIX + "jwk-set-uri";

    private static final Set<SignatureAlgorithm> ASYMMETRIC = Set.of(
            SignatureAlgorithm.RS256,
            SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512,
            SignatureAlgorithm.PS256,
            SignatureAlgorithm.PS384,
            SignatureAlgorithm.PS512,
            SignatureAlgorithm.ES256,
            SignatureAlgorithm.ES384,
            SignatureAlgorithm.ES512);

    /**
     * @param localProfile true when the service runs with the Spring profile {@code local}
     * @throws UnsafeTokenSettingsException naming the property to set
     */
    static TokenSettings of(OAuth2ResourceServerProperties.Jwt jwt, boolean localProfile) {
        var issuer = jwt.getIssuerUri() == null ? "" : jwt.getIssuerUri().trim();
        if (issuer.isEmpty()) {
            throw new UnsafeTokenSettingsException(
                    ISSUER_PROPERTY,
                    "No token issuer is configured, so a token from any issuer signed with a trusted key would be"
                            + " accepted.",
                    "Set " + ISSUER_PROPERTY + " to your identity provider's issuer (the iss claim of its tokens)."
                            + " The local stack runs the services with the Spring profile '" + LOCAL_PROFILE
                            + "' instead.");
        }
        if (!localProfile && issuer.equals(LOCAL_ISSUER)) {
            throw new UnsafeTokenSettingsException(
                    ISSUER_PROPERTY,
                    "The service would accept tokens of the local stack's issuer '" + LOCAL_ISSUER
                            + "', which are meant for one machine only.",
                    "Set " + ISSUER_PROPERTY + " to your identity provider's issuer, or run with the Spring profile '"
                            + LOCAL_PROFILE + "' on a developer machine.");
        }
        var audiences = jwt.getAudiences() == null
                ? List.<String>of()
                : jwt.getAudiences().stream()
                        .map(String::trim)
                        .filter(a -> !a.isEmpty())
                        .toList();
        if (audiences.isEmpty()) {
            throw new UnsafeTokenSettingsException(
                    AUDIENCES_PROPERTY,
                    "No token audience is configured, so a token issued for any other application would be accepted.",
                    "Set " + AUDIENCES_PROPERTY + " to the audience your identity provider puts in tokens for this"
                            + " API (the aud claim), e.g. aftersales-api; several may be given, comma-separated.");
        }
        var algorithms = new java.util.LinkedHashSet<SignatureAlgorithm>();
        var names = jwt.getJwsAlgorithms() == null || jwt.getJwsAlgorithms().isEmpty()
                ? List.of("RS256")
                : jwt.getJwsAlgorithms();
        var refused = new ArrayList<String>();
        for (var name : names) {
            var algorithm = SignatureAlgorithm.from(name.trim().toUpperCase(Locale.ROOT));
            if (algorithm == null || !ASYMMETRIC.contains(algorithm)) {
                refused.add(name);
            } else {
                algorithms.add(algorithm);
            }
        }
        if (!refused.isEmpty()) {
            throw new UnsafeTokenSettingsException(
                    ALGORITHMS_PROPERTY,
                    "Only asymmetric signature algorithms are accepted, not " + refused
                            + ": with an HMAC algorithm anyone who knows the public key could sign tokens.",
                    "Set " + ALGORITHMS_PROPERTY + " to the algorithm your identity provider signs with, e.g. RS256.");
        }
        return new TokenSettings(issuer, audiences, Set.copyOf(algorithms));
    }
}
