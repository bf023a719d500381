package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mints the demo bearer tokens (RS256 JWTs) that the local services trust. The key pair lives in
 * {@code <data>/keys/}: made once, reused after every restart. The services get only the public half
 * ({@code jwt.public-key-location}) and accept the issuer {@link #ISSUER} only under the Spring profile
 * {@code local}, which the launcher gives them. Every token names the audience {@link #AUDIENCE}, which
 * the services require: tokens minted before it was added are refused, and every start writes new ones.
 */
public final class TokenIssuer {

    public static final String ISSUER = "aftersales-local";
    /** The services' default {@code spring.security.oauth2.resourceserver.jwt.audiences}. */
    public static final String AUDIENCE = "aftersales-api";

    public static final Duration DEMO_TOKEN_LIFETIME = Duration.ofDays(30);

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrivateKey privateKey;
    private final Path publicKeyFile;
    private final Clock clock;

    private TokenIssuer(PrivateKey privateKey, Path publicKeyFile, Clock clock) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
        this.clock = clock;
    }

    /** Loads the key pair from {@code keyDir}, creating it on first use. */
    public static TokenIssuer open(Path keyDir, Clock clock) {
        var privateFile = keyDir.resolve("private-key.pem");
        var publicFile = keyDir.resolve("public-key.pem");
        try {
            if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
                Files.createDirectories(keyDir);
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(
                        privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                ownerOnly(privateFile);
            }
            var key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile))));
            return new TokenIssuer(key, publicFile, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the token key pair in " + keyDir, e);
        }
    }

    /** The PEM public key, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /**
     * A signed token for {@code subject} with the given roles and extra claims (e.g. {@code
     * technician_id}, {@code dealer_id}), valid for {@code lifetime}.
     */
    public String mint(String subject, List<String> roles, Map<String, String> claims, Duration lifetime) {
        var now = clock.instant().getEpochSecond();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("sub", subject);
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCE);
        payload.put("iat", now);
        payload.put("exp", now + lifetime.toSeconds());
        payload.put("roles", List.copyOf(roles));
        payload.putAll(claims);
        return sign(payload);
    }

    /** Signs exactly these claims (RS256). */
    String sign(Map<String, Object> payload) {
        var signingInput = URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                + URL.encodeToString(JSON.writeValueAsBytes(payload));
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    public String mint(String subject, List<String> roles, Map<String, String> claims) {
        return mint(subject, roles, claims, DEMO_TOKEN_LIFETIME);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the folder's permissions.
        }
    }
}
