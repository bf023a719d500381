package dev.aftersales.chassis.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.aftersales.chassis.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Signs test tokens with a key pair whose public half the services under test trust. Tokens carry
 * what a production identity provider's do: issuer {@link #ISSUER}, audience {@link #AUDIENCE}, a
 * subject and an expiry; {@link #claims} and {@link #signed} make variants for tests of refusals.
 */
public final class TestTokens {

    /** The issuer the services under test trust ({@link ServiceTestInitializer}). */
    public static final String ISSUER = "aftersales-test";

    public static final String AUDIENCE = "aftersales-api";

    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;
    private static String publicKeyPem;

    private TestTokens() {}

    /** A {@code file:} location of the PEM public key, for {@code jwt.public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("aftersales-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, publicKeyPem());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "file:" + publicKeyFile;
    }

    /** The trusted public key as PEM text, as anyone may read it from the key file. */
    public static synchronized String publicKeyPem() {
        if (publicKeyPem == null) {
            publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes())
                            .encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        }
        return publicKeyPem;
    }

    public static String agent(String userId) {
        return token(userId, Map.of(), Role.AGENT);
    }

    public static String ops() {
        return token("ops-1", Map.of(), Role.OPS);
    }

    public static String technician(String technicianId, String dealerId) {
        return token(technicianId, Map.of("technician_id", technicianId, "dealer_id", dealerId), Role.TECHNICIAN);
    }

    public static String dealer(String userId, String dealerId) {
        return token(userId, Map.of("dealer_id", dealerId), Role.DEALER);
    }

    public static String token(String subject, Map<String, String> claims, Role... roles) {
        var builder = claims(subject, roles);
        claims.forEach(builder::claim);
        return signed(builder.build());
    }

    /** The claims of a valid token, valid for an hour from now, to change for one test. */
    public static JWTClaimsSet.Builder claims(String subject, Role... roles) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", Arrays.stream(roles).map(Role::name).toList());
    }

    /** Signed with the trusted key (RS256). */
    public static String signed(JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
