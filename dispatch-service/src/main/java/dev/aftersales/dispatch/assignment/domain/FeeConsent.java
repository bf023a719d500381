package dev.aftersales.dispatch.assignment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The customer agreed to pay up to {@code amount}, more than quoted. {@code method} says how the
 * customer confirmed it ({@link #SMS_CODE}: the one-time code sent to their phone; {@link
 * #AGENT_CALL}: a hotline agent's call), {@code reference} where it is kept (the code's challenge id,
 * the agent's note), {@code recordedBy} who recorded it (the technician or the agent).
 */
public record FeeConsent(BigDecimal amount, String method, String reference, Instant recordedAt, String recordedBy) {

    public static final String SMS_CODE = "SMS_CODE";
    public static final String AGENT_CALL = "AGENT_CALL";

    /** A consent as stored before {@code recordedBy} was kept. */
    public FeeConsent(BigDecimal amount, String method, String reference, Instant recordedAt) {
        this(amount, method, reference, recordedAt, null);
    }
}
