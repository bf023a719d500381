package dev.aftersales.dispatch.assignment.domain;

import java.time.Instant;

/**
 * An update the technician's app made offline, as applied: what the phone says happened when ({@code
 * claimedAt}, the phone's clock, which the server cannot check) beside when the server received it.
 */
public record OfflineClaim(String clientId, String type, Instant claimedAt, Instant receivedAt) {}
