package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.web.ProblemTexts;
import dev.aftersales.dispatch.assignment.application.FeeConsentRefusedException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answers to a consent code step that did not go through, each with its own problem type: a
 * wrong code is 422 with {@code triesLeft}; a spent, expired or missing code is 409 (ask for a new
 * one); too many codes is 429 and a code the gateway's topic did not take is 503, both with
 * {@code Retry-After}.
 */
final class FeeConsentProblems {

    private FeeConsentProblems() {}

    static ResponseEntity<ProblemDetail> of(FeeConsentRefusedException e) {
        var answer = switch (e.reason()) {
            case WRONG_CODE -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "fee-consent-code-wrong", "Wrong code", e);
            // Titled like every conflict, so an app asking in Chinese gets the title in Chinese.
            case CODE_SPENT -> problem(HttpStatus.CONFLICT, "fee-consent-code-spent", "Conflict", e);
            case CODE_EXPIRED -> problem(HttpStatus.CONFLICT, "fee-consent-code-expired", "Conflict", e);
            case CODE_NOT_REQUESTED -> problem(HttpStatus.CONFLICT, "fee-consent-code-not-requested", "Conflict", e);
            case TOO_MANY_CODES ->
                problem(HttpStatus.TOO_MANY_REQUESTS, "fee-consent-too-many-codes", "Too many codes", e);
            case CODE_NOT_SENT ->
                problem(HttpStatus.SERVICE_UNAVAILABLE, "fee-consent-code-not-sent", "Code not sent", e);
        };
        var response = ResponseEntity.status(answer.getStatus());
        if (e.retryAfter() != null) {
            var seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        return response.body(answer);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, FeeConsentRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("urn:aftersales:problem:" + slug));
        problem.setTitle(ProblemTexts.title(slug, title));
        problem.setProperty("triesLeft", e.triesLeft());
        return problem;
    }
}
