package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.dispatch.assignment.application.ConsentCodeMessages.ConsentCodeMessage;
import dev.aftersales.dispatch.assignment.application.FeeConsentMetrics.CodeOutcome;
import dev.aftersales.dispatch.assignment.application.FeeConsentRefusedException.Reason;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.FeeConsentChallenge;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The technician asks the customer to agree to a fee above the quote: dispatch sends a one-time code
 * to the phone on record for the case (never a number the technician types). Only the code's salted
 * hash is stored on the assignment, with its expiry and tries; at most {@link #CODES_PER_HOUR} codes per
 * case and hour. A customer who cannot receive a text (no mobile number on record, or they say so) is
 * sent to the hotline: an agent calls them and records the consent.
 */
@Service
public class AskForConsentCode {

    /** The app asks the hotline to call the customer: no code can reach them. */
    public static final URI BY_HOTLINE = URI.create("urn:aftersales:problem:fee-consent-by-hotline");

    static final Duration CODE_VALID_FOR = Duration.ofMinutes(10);
    static final int TRIES = 3;
    static final int CODES_PER_HOUR = 3;

    /** A mainland mobile number, optionally with the country code; landlines (area code first) are not. */
    private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");

    private static final Logger log = LoggerFactory.getLogger(AskForConsentCode.class);
    private static final ConflictRetry WITHDRAWAL = ConflictRetry.upTo(3);

    private final Assignments assignments;
    private final OwnAssignments own;
    private final ConsentCodeMessages messages;
    private final FeeConsentMetrics metrics;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AskForConsentCode(
            Assignments assignments,
            OwnAssignments own,
            ConsentCodeMessages messages,
            FeeConsentMetrics metrics,
            Clock clock) {
        this.assignments = assignments;
        this.own = own;
        this.messages = messages;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The code on its way: where it went (masked), until when it holds, how many tries it has. */
    public record CodeSent(String assignmentId, BigDecimal amount, String sentTo, Instant expiresAt, int triesLeft) {}

    /**
     * The plaintext code leaves this method only in the message to the gateway: not in the store, the
     * answer, a log line or an event. The message is sent straight to the gateway's topic rather than
     * through the assignment's outbox, since an outbox entry would keep the code in the store until
     * relayed; the hash is stored first, so a code the customer holds can always be checked.
     */
    public CodeSent ask(String technicianId, String assignmentId, BigDecimal amount, boolean customerCannotReceiveSms) {
        var assignment = own.get(technicianId, assignmentId);
        var quote = assignment.quote();
        if (quote == null) {
            throw new ConflictException("quote the fee of " + assignmentId + " before asking to charge more");
        }
        if (!assignment.aboveQuote(amount)) {
            throw new InvalidRequestException(List.of(new FieldProblem(
                    "amount", "must be above the quote of " + quote.total().toPlainString())));
        }
        var phone = assignment.contact() == null
                ? null
                : normalised(assignment.contact().phone());
        if (customerCannotReceiveSms || phone == null || !MOBILE.matcher(phone).matches()) {
            metrics.code(CodeOutcome.HOTLINE);
            throw new ConflictException(
                    BY_HOTLINE,
                    "the customer of " + assignmentId + " cannot receive a code by text message;"
                            + " ask the hotline to call them and record their consent");
        }
        var now = clock.instant();
        var next = assignment.nextConsentCodeAt(now, CODES_PER_HOUR);
        if (next != null) {
            metrics.code(CodeOutcome.RATE_LIMITED);
            throw new FeeConsentRefusedException(
                    Reason.TOO_MANY_CODES,
                    CODES_PER_HOUR + " codes were sent for " + assignmentId + " within the hour",
                    0,
                    Duration.between(now, next));
        }
        var code = "%06d".formatted(random.nextInt(1_000_000));
        var salt = new byte[16];
        random.nextBytes(salt);
        var challenge =
                FeeConsentChallenge.issue(UUID.randomUUID().toString(), amount, code, salt, now, CODE_VALID_FOR, TRIES);
        try {
            assignment.challengeForConsent(challenge);
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        assignments.save(assignment);
        try {
            messages.send(new ConsentCodeMessage(challenge.id(), assignmentId, phone, text(code, amount), now));
        } catch (RuntimeException e) {
            withdraw(assignmentId, challenge.id());
            metrics.code(CodeOutcome.FAILED);
            // The exception's class only: a client's message may quote the record it failed to send.
            log.warn(
                    "consent code for assignment {} not sent ({}); withdrawn",
                    assignmentId,
                    e.getClass().getName());
            throw new FeeConsentRefusedException(
                    Reason.CODE_NOT_SENT,
                    "the code for " + assignmentId + " could not be sent; ask again in a moment",
                    0,
                    Duration.ofSeconds(30));
        }
        metrics.code(CodeOutcome.SENT);
        return new CodeSent(assignmentId, amount, masked(phone), challenge.expiresAt(), challenge.triesLeft());
    }

    private void withdraw(String assignmentId, String challengeId) {
        WITHDRAWAL.run(() -> {
            var fresh = assignments.byId(assignmentId).orElseThrow();
            if (fresh.withdrawConsentChallenge(challengeId)) {
                assignments.save(fresh);
            }
        });
    }

    private static String text(String code, BigDecimal amount) {
        return "【售后服务】您的确认码为 " + code + "，用于同意本次上门服务费用最高 " + amount.toPlainString() + " 元（超出报价）。"
                + CODE_VALID_FOR.toMinutes() + " 分钟内有效，请将确认码告知上门技师；如未同意请忽略。";
    }

    private static String normalised(String phone) {
        return phone == null ? null : phone.replaceAll("[\\s-]", "");
    }

    /** Enough for the technician to read the number back to the customer; the full number stays on record. */
    private static String masked(String phone) {
        return phone.substring(0, phone.length() - 8) + "****" + phone.substring(phone.length() - 4);
    }
}
