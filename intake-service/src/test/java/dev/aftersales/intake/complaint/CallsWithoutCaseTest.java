package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.ReturnCallMade;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Thank-you and care calls belong to a machine or a customer, not a case: counted and skipped, never dead-lettered. */
class CallsWithoutCaseTest extends HotlineSliceTest {

    @Test
    void a_thank_you_call_after_an_installation_is_counted_and_never_retried_or_dead_lettered() {
        var installation = "INST-WP-" + UUID.randomUUID();
        var before = counter("aftersales.intake.events.without.case", "type", "RETURN_CALL_SCHEDULED");
        var madeBefore = counter("aftersales.intake.events.without.case", "type", "RETURN_CALL_MADE");
        try (var dead = EventTap.open(brokers, Topics.deadLetterOf(Topics.FOLLOWUP, "intake"))) {
            var now = Instant.now();
            events.publish(
                    new ReturnCallScheduled(
                            "RC-INST-" + installation,
                            installation,
                            ReturnCallReason.THANK_YOU_AFTER_INSTALLATION,
                            now.plus(Duration.ofDays(2)),
                            now),
                    installation);
            events.publish(
                    new ReturnCallMade("RC-INST-" + installation, installation, CallOutcome.REACHED, 1, "agent-7", now),
                    installation);

            await().atMost(WAIT)
                    .until(() ->
                            counter("aftersales.intake.events.without.case", "type", "RETURN_CALL_MADE") > madeBefore);
            assertThat(counter("aftersales.intake.events.without.case", "type", "RETURN_CALL_SCHEDULED"))
                    .isEqualTo(before + 1);
            assertThat(dead.drain(Duration.ofSeconds(2))).noneMatch(s -> installation.equals(s.key()));
        }
    }
}
