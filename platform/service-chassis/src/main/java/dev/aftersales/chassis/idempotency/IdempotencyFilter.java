package dev.aftersales.chassis.idempotency;

import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.chassis.web.CachedBodyRequest;
import dev.aftersales.chassis.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST: a client that retries a request with the key it sent the
 * first time gets the first answer again (status, {@code Location}, body) and nothing is done twice.
 * A key belongs to the caller (the token's subject), so one caller's key never answers another's
 * request, and is bound to the request it was first used for (method, path and body): the same key
 * with another request is refused 422, as is a key while its first request still runs (409 with
 * {@code Retry-After}). Only successful answers are kept: after a refusal or an error the key is
 * free again, so a corrected request may use it. Keys are kept for {@code aftersales.idempotency.retention}
 * (at least 24 h). A claim left unanswered by a crashed instance is taken over after {@code stale-after}.
 *
 * <p>Runs after the security filters, so the caller is known, and after the body size limit, so the
 * body it reads to fingerprint the request is bounded.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer given again to a retried request. */
    public static final String REPLAYED = "Idempotent-Replayed";

    static final int MAX_KEY_LENGTH = 128;

    private final IdempotencyKeys keys;
    private final WallClock clock;
    private final Duration retention;
    private final Duration staleAfter;
    private final Counter replayed;
    private final Counter reused;
    private final Counter inProgress;

    IdempotencyFilter(
            IdempotencyKeys keys, WallClock clock, Duration retention, Duration staleAfter, MeterRegistry meters) {
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
        this.staleAfter = staleAfter;
        this.replayed = Counter.builder("aftersales.idempotency.replayed")
                .description("Requests retried with their Idempotency-Key and answered with the first answer")
                .register(meters);
        this.reused = refused(meters, "reused");
        this.inProgress = refused(meters, "in_progress");
    }

    private static Counter refused(MeterRegistry meters, String reason) {
        return Counter.builder("aftersales.idempotency.refused")
                .description("Requests refused for their Idempotency-Key: used for another request, or still running")
                .tag("reason", reason)
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(
                    response,
                    400,
                    "invalid-request",
                    "Invalid request",
                    "The " + HEADER + " header must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters.");
            return;
        }
        var subject = subject();
        if (subject == null) {
            chain.doFilter(request, response); // security answers it
            return;
        }
        var body = CachedBodyRequest.of(request, Integer.MAX_VALUE - 8);
        var fingerprint = fingerprint(body);
        var id = subject.length() + ":" + subject + ":" + key;
        for (int attempt = 0; attempt < 3; attempt++) {
            var now = clock.instant();
            var found = keys.find(id);
            if (found.isPresent() && !found.get().expiresAt().isAfter(now)) {
                keys.forget(id, found.get().expiresAt());
                continue;
            }
            if (found.isEmpty()) {
                if (keys.claim(id, subject, key, fingerprint, now, now.plus(retention))) {
                    handle(id, now, body, response, chain);
                    return;
                }
                continue; // claimed by a concurrent request just now
            }
            var earlier = found.get();
            if (!earlier.fingerprint().equals(fingerprint)) {
                reused.increment();
                problem(
                        response,
                        422,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "The " + HEADER + " " + key
                                + " was used for another request; use a new key for a new request.");
                return;
            }
            if (earlier.answered()) {
                replayed.increment();
                replay(earlier.answer(), response);
                return;
            }
            if (earlier.claimedAt().plus(staleAfter).isAfter(now)) {
                inProgress.increment();
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(
                        response,
                        409,
                        "idempotency-key-in-use",
                        "Request in progress",
                        "A request with " + HEADER + " " + key + " is still being handled; retry shortly.");
                return;
            }
            // Claimed long ago and never answered: the instance handling it stopped.
            if (keys.takeOver(id, earlier.claimedAt(), now, now.plus(retention))) {
                handle(id, now, body, response, chain);
                return;
            }
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(
                response,
                409,
                "idempotency-key-in-use",
                "Request in progress",
                "A request with " + HEADER + " " + key + " is being handled; retry shortly.");
    }

    private void handle(
            String id, Instant claimedAt, CachedBodyRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            keys.release(id, claimedAt);
            throw e;
        }
        var status = recorded.getStatus();
        if (status >= 200 && status < 300) {
            keys.answer(
                    id,
                    new IdempotencyKeys.Answer(
                            status,
                            recorded.getContentType(),
                            recorded.getHeader(HttpHeaders.LOCATION),
                            recorded.getContentAsByteArray()));
        } else {
            keys.release(id, claimedAt);
        }
        recorded.copyBodyToResponse();
    }

    private static void replay(IdempotencyKeys.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static String subject() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    /** Method, path with query, and body: what makes two requests the same request. */
    private static String fingerprint(CachedBodyRequest request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problem(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        ProblemResponses.write(response, status, slug, title, detail);
    }
}
