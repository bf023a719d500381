package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.assignment.domain.FeeConsent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the customer's consent to a fee above the quote counts: consents by method, and what became of
 * the codes. Tags are fixed words; never a phone number, a code or an amount.
 */
@Component
class FeeConsentMetrics {

    /** What became of a consent code, or why none was sent. */
    enum CodeOutcome {
        SENT,
        FAILED,
        RATE_LIMITED,
        HOTLINE,
        WRONG,
        SPENT,
        EXPIRED,
        CONFIRMED
    }

    private final MeterRegistry meters;

    FeeConsentMetrics(MeterRegistry meters) {
        this.meters = meters;
        // At zero from the start, so a rate reads 0 rather than nothing and no meter appears mid-run.
        List.of(FeeConsent.SMS_CODE, FeeConsent.AGENT_CALL).forEach(this::consents);
        for (var outcome : CodeOutcome.values()) {
            codes(outcome);
        }
    }

    void consented(String method) {
        consents(method).increment();
    }

    void code(CodeOutcome outcome) {
        codes(outcome).increment();
    }

    private Counter consents(String method) {
        return Counter.builder("aftersales.fee.consents")
                .description("Customers' consents to a fee above the quote, by how they confirmed it")
                .tag("method", method)
                .register(meters);
    }

    private Counter codes(CodeOutcome outcome) {
        return Counter.builder("aftersales.fee.consent-codes")
                .description("Consent codes: sent, failed to send, refused (rate limit, hotline), and tries")
                .tag("outcome", outcome.name())
                .register(meters);
    }
}
