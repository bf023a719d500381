package dev.aftersales.dispatch.assignment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The customer agreed to pay up to {@code amount}, more than quoted; {@code method} and {@code
 * reference} say where the consent is kept (a signature, an SMS, a call recording).
 */
public record FeeConsent(BigDecimal amount, String method, String reference, Instant recordedAt) {}
