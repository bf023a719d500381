package dev.aftersales.chassis.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers bearer tokens whose signature was already verified, so a client sending the same token
 * with every request pays for one RSA verification instead of one per request (it was the largest
 * part of the security filters' CPU). The key is the whole token, signature included, so a hit is
 * the very string verified before. Each hit is checked against the clock again with the decoder's
 * own timestamp validator (expiry and not-before, same skew): an expired token is refused exactly as
 * without the cache. Tokens bound to a client certificate ({@code cnf}) depend on the request and are not kept.
 * Bounded: the least recently used tokens are forgotten first.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int CAPACITY = 4096;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> stillValid;
    private final ConcurrentLruCache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder decoder, OAuth2TokenValidator<Jwt> stillValid, int capacity) {
        this.decoder = decoder;
        this.stillValid = stillValid;
        this.verified = new ConcurrentLruCache<>(capacity, decoder::decode);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return decoder.decode(null);
        }
        var jwt = verified.get(token); // verifies (and may throw) on a miss
        if (jwt.hasClaim("cnf")) {
            verified.remove(token);
            return decoder.decode(token);
        }
        if (stillValid.validate(jwt).hasErrors()) {
            verified.remove(token);
            return decoder.decode(token); // throws the decoder's own validation error
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
