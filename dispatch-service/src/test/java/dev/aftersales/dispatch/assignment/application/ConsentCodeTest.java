package dev.aftersales.dispatch.assignment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.dispatch.assignment.application.ConsentCodeMessages.ConsentCodeMessage;
import dev.aftersales.dispatch.assignment.application.FeeConsentRefusedException.Reason;
import dev.aftersales.dispatch.assignment.domain.Fixtures;
import dev.aftersales.dispatch.assignment.domain.InMemoryAssignments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Asking for a consent code, with the gateway's topic faked: what is stored, sent and counted. */
class ConsentCodeTest {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    final InMemoryAssignments assignments = new InMemoryAssignments();
    final MutableClock clock = new MutableClock(NOW);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final FeeConsentMetrics metrics = new FeeConsentMetrics(meters);
    final List<ConsentCodeMessage> sent = new ArrayList<>();
    boolean gatewayDown;

    final AskForConsentCode ask = new AskForConsentCode(
            assignments,
            new OwnAssignments(assignments),
            message -> {
                if (gatewayDown) {
                    throw new IllegalStateException("the broker did not take " + message);
                }
                sent.add(message);
            },
            metrics,
            clock);

    @Test
    void a_code_the_gateways_topic_did_not_take_is_withdrawn_and_does_not_count_against_the_limit() {
        var id = quoted();
        gatewayDown = true;

        assertThatThrownBy(() -> ask.ask("T-001", id, new BigDecimal("200"), false))
                .isInstanceOfSatisfying(FeeConsentRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CODE_NOT_SENT);
                    assertThat(e.retryAfter()).isPositive();
                });

        var assignment = assignments.byId(id).orElseThrow();
        assertThat(assignment.consentChallenge()).isNull();
        assertThat(assignment.nextConsentCodeAt(NOW, AskForConsentCode.CODES_PER_HOUR))
                .isNull();
        assertThat(meters.get("aftersales.fee.consent-codes")
                        .tag("outcome", "FAILED")
                        .counter()
                        .count())
                .isEqualTo(1);
        gatewayDown = false;
        for (var i = 0; i < AskForConsentCode.CODES_PER_HOUR; i++) {
            ask.ask("T-001", id, new BigDecimal("200"), false);
        }
        assertThat(sent).hasSize(AskForConsentCode.CODES_PER_HOUR);
    }

    @Test
    void each_code_is_six_random_digits_to_the_phone_on_record_and_the_store_keeps_only_a_salted_hash() {
        var id = quoted();
        var codes = new ArrayList<String>();
        var salts = new ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            var answer = ask.ask("T-001", id, new BigDecimal("200"), false);
            var message = sent.get(i);
            assertThat(message.phone()).isEqualTo("13812345678");
            var code = message.text().replaceAll("(?s).*?(\\d{6}).*", "$1");
            assertThat(answer.toString()).doesNotContain(code);
            assertThat(message.toString()).doesNotContain("13812345678").doesNotContain(code);
            codes.add(code);
            var challenge = assignments.byId(id).orElseThrow().consentChallenge();
            salts.add(challenge.salt());
            assertThat(challenge.toString()).doesNotContain(code);
            assertThat(challenge.codeHash()).isNotEqualTo(code);
        }
        assertThat(salts).doesNotHaveDuplicates();
        assertThat(codes).allMatch(code -> code.matches("\\d{6}"));
    }

    private String quoted() {
        var assignment = Fixtures.quotedFor("C-CC1", "WP-CC1", "T-001", "D-SH", NOW);
        assignments.add(assignment);
        return assignment.id();
    }
}
