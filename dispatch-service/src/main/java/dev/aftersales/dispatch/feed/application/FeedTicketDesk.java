package dev.aftersales.dispatch.feed.application;

import dev.aftersales.chassis.security.Caller;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.feed.domain.FeedTicket;
import dev.aftersales.dispatch.feed.domain.FeedTickets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Issues and takes the single-use tickets with which an app that cannot send headers opens its
 * push stream: 256 random bits, valid for {@code aftersales.dispatch.feed.ticket-lifetime} (at most a
 * minute) for the technician who asked, on any instance.
 */
@Service
public class FeedTicketDesk implements SchedulingConfigurer {

    private static final Duration EXPIRED_SWEEP = Duration.ofMinutes(1);

    /** What a ticket looks like: 32 bytes, base64url without padding. Anything else is not looked up. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final FeedTickets tickets;
    private final Duration lifetime;

    FeedTicketDesk(FeedTickets tickets, DispatchProperties properties) {
        this.tickets = tickets;
        this.lifetime = properties.feed().ticketLifetime();
    }

    /** A technician's ticket for their own stream. */
    public IssuedTicket issue(Caller technician) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = tickets.add(
                digest(secret),
                new FeedTicket(technician.technicianId(), technician.userId(), technician.dealerId()),
                lifetime);
        return new IssuedTicket(secret, expiresAt);
    }

    /** The ticket's holder, once: a ticket taken before, unknown or expired gives nothing. */
    public Optional<FeedTicket> take(String secret) {
        if (secret == null || !SHAPE.matcher(secret).matches()) {
            return Optional.empty();
        }
        return tickets.take(digest(secret));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::removeExpired, EXPIRED_SWEEP, EXPIRED_SWEEP));
    }

    /** Tickets never used are removed once expired (the embedded store has no TTL index). */
    public long removeExpired() {
        return tickets.removeExpired();
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** @param ticket the secret, shown only to the app that asked */
    public record IssuedTicket(String ticket, Instant expiresAt) {}
}
