package dev.aftersales.dispatch.assignment.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A one-time code sent to the customer's phone on record, asking them to agree to pay up to {@code
 * amount}. Only an HMAC-SHA-256 of the code, keyed with this challenge's own random salt, is kept: the
 * store never holds the code itself. A challenge is spent after its last wrong try and stale after
 * {@code expiresAt}; either way the customer needs a new code.
 *
 * @param id names the challenge in the consent it leads to (the consent's reference)
 * @param salt Base64, random per challenge
 * @param codeHash Base64 HMAC of the code; null once the challenge is spent (nothing left to compare)
 */
public record FeeConsentChallenge(
        String id,
        BigDecimal amount,
        String salt,
        String codeHash,
        Instant issuedAt,
        Instant expiresAt,
        int triesLeft) {

    /** A new challenge for {@code code}, valid for {@code ttl}, with {@code tries} attempts. */
    public static FeeConsentChallenge issue(
            String id, BigDecimal amount, String code, byte[] salt, Instant now, Duration ttl, int tries) {
        var saltText = Base64.getEncoder().encodeToString(salt);
        return new FeeConsentChallenge(id, amount, saltText, hash(saltText, code), now, now.plus(ttl), tries);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean spent() {
        return triesLeft <= 0 || codeHash == null;
    }

    /** Compares in constant time, so the answer's timing says nothing about how close a guess was. */
    boolean matches(String code) {
        if (codeHash == null || code == null) {
            return false;
        }
        return MessageDigest.isEqual(
                Base64.getDecoder().decode(codeHash), Base64.getDecoder().decode(hash(salt, code)));
    }

    /** One try used up by a wrong code; the last one spends the challenge and forgets the hash. */
    FeeConsentChallenge wrongTry() {
        var left = Math.max(0, triesLeft - 1);
        return new FeeConsentChallenge(id, amount, salt, left == 0 ? null : codeHash, issuedAt, expiresAt, left);
    }

    private static String hash(String salt, String code) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(salt), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
