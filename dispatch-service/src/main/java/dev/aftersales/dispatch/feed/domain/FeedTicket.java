package dev.aftersales.dispatch.feed.domain;

import java.util.Objects;

/**
 * Whom a ticket lets open a push stream once without a bearer token (a browser's {@code EventSource}
 * cannot send headers): the technician who asked for it. The ticket itself is random and shown to the
 * app only; the store keeps a digest of it, so a copy of the store opens no stream.
 *
 * @param userId the subject of the token the ticket was asked with, recorded as who opened the stream
 * @param dealerId the dealer that token named; null if none
 */
public record FeedTicket(String technicianId, String userId, String dealerId) {

    public FeedTicket {
        Objects.requireNonNull(technicianId, "technicianId");
        Objects.requireNonNull(userId, "userId");
    }
}
