package dev.aftersales.followup.returncall.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.CustomerUnreachable;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnCallTest {

    static final Instant COMPLETED = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void a_visit_return_call_is_due_the_delay_after_completion_and_announced() {
        var call =
                ReturnCall.afterVisit("ASG-C-1", 1, "C-1", COMPLETED, Duration.ofHours(48), COMPLETED.plusSeconds(5));

        assertThat(call.id()).isEqualTo("RC-ASG-C-1");
        assertThat(call.reason()).isEqualTo(ReturnCallReason.AFTER_VISIT);
        assertThat(call.dueAt()).isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
        assertThat(call.status()).isEqualTo(ReturnCallStatus.DUE);
        var event = Outbox.of(call.events()).pending().get(0);
        assertThat(event.type()).isEqualTo(EventCatalog.RETURN_CALL_SCHEDULED.type());
        assertThat(event.key()).isEqualTo("C-1");
        assertThat(EventJson.read(event.payload().getBytes(), ReturnCallScheduled.class))
                .isEqualTo(new ReturnCallScheduled(
                        "RC-ASG-C-1",
                        "C-1",
                        ReturnCallReason.AFTER_VISIT,
                        Instant.parse("2026-03-04T08:00:00Z"),
                        COMPLETED.plusSeconds(5)));
    }

    @Test
    void a_later_rounds_visit_has_its_own_call_even_on_the_same_assignment() {
        assertThat(ReturnCall.idAfterVisit("ASG-C-1", 1)).isEqualTo("RC-ASG-C-1");
        assertThat(ReturnCall.afterVisit("ASG-C-1", 2, "C-1", COMPLETED, Duration.ofHours(48), COMPLETED)
                        .id())
                .isEqualTo("RC-ASG-C-1-R2");
    }

    @Test
    void a_call_is_due_from_its_due_time_on() {
        var call = ReturnCall.afterVisit("ASG-C-1", 1, "C-1", COMPLETED, Duration.ofHours(48), COMPLETED);

        assertThat(call.isDueBy(COMPLETED.plus(Duration.ofHours(48)).minusSeconds(1)))
                .isFalse();
        assertThat(call.isDueBy(COMPLETED.plus(Duration.ofHours(48)))).isTrue();
    }

    static final RetryPolicy THREE_TRIES_OVER_TWO_DAYS = new RetryPolicy(3, Duration.ofDays(2));

    static List<String> types(ReturnCall call) {
        return Outbox.of(call.events()).pending().stream().map(e -> e.type()).toList();
    }

    @Test
    void three_unanswered_tries_over_two_days_make_the_customer_unreachable() {
        var call = ReturnCall.afterVisit("ASG-C-1", 1, "C-1", COMPLETED, Duration.ofHours(48), COMPLETED);
        var first = COMPLETED.plus(Duration.ofHours(48));

        call.recordAttempt(CallOutcome.NO_ANSWER, "agent-1", null, THREE_TRIES_OVER_TWO_DAYS, first);
        assertThat(call.status()).isEqualTo(ReturnCallStatus.DUE);
        assertThat(call.dueAt()).isEqualTo(first.plus(Duration.ofDays(1)));

        call.recordAttempt(
                CallOutcome.NO_ANSWER, "agent-1", null, THREE_TRIES_OVER_TWO_DAYS, first.plus(Duration.ofDays(1)));
        assertThat(call.dueAt()).isEqualTo(first.plus(Duration.ofDays(2)));

        call.recordAttempt(
                CallOutcome.NO_ANSWER, "agent-1", null, THREE_TRIES_OVER_TWO_DAYS, first.plus(Duration.ofDays(2)));
        assertThat(call.status()).isEqualTo(ReturnCallStatus.UNREACHABLE);
        assertThat(call.attempts()).isEqualTo(3);
        assertThat(types(call))
                .containsExactly(
                        EventCatalog.RETURN_CALL_SCHEDULED.type(),
                        EventCatalog.RETURN_CALL_MADE.type(),
                        EventCatalog.RETURN_CALL_MADE.type(),
                        EventCatalog.RETURN_CALL_MADE.type(),
                        EventCatalog.CUSTOMER_UNREACHABLE.type());
        var unreachable = Outbox.of(call.events()).pending().get(4);
        assertThat(EventJson.read(unreachable.payload().getBytes(), CustomerUnreachable.class))
                .isEqualTo(new CustomerUnreachable("RC-ASG-C-1", "C-1", 3, first.plus(Duration.ofDays(2))));
    }

    @Test
    void a_wrong_number_is_unreachable_at_once_and_call_later_moves_the_call_without_using_a_try() {
        var later = ReturnCall.afterVisit("ASG-C-2", 1, "C-2", COMPLETED, Duration.ZERO, COMPLETED);
        var evening = COMPLETED.plus(Duration.ofHours(10));
        later.recordAttempt(CallOutcome.CALL_LATER, "agent-1", evening, THREE_TRIES_OVER_TWO_DAYS, COMPLETED);
        assertThat(later.status()).isEqualTo(ReturnCallStatus.DUE);
        assertThat(later.dueAt()).isEqualTo(evening);
        assertThat(later.unanswered()).isZero();
        later.recordAttempt(CallOutcome.REACHED, "agent-1", null, THREE_TRIES_OVER_TWO_DAYS, evening);
        assertThat(later.status()).isEqualTo(ReturnCallStatus.REACHED);
        assertThatThrownBy(() ->
                        later.recordAttempt(CallOutcome.NO_ANSWER, "agent-1", null, THREE_TRIES_OVER_TWO_DAYS, evening))
                .isInstanceOf(IllegalStateException.class);

        var wrong = ReturnCall.afterVisit("ASG-C-3", 1, "C-3", COMPLETED, Duration.ZERO, COMPLETED);
        wrong.recordAttempt(CallOutcome.WRONG_NUMBER, "agent-1", null, THREE_TRIES_OVER_TWO_DAYS, COMPLETED);
        assertThat(wrong.status()).isEqualTo(ReturnCallStatus.UNREACHABLE);
        assertThat(types(wrong)).endsWith(EventCatalog.CUSTOMER_UNREACHABLE.type());
    }

    @Test
    void phone_resolutions_and_installations_have_one_call_each_at_their_delay() {
        var phone = ReturnCall.afterPhoneResolution("C-9", COMPLETED, Duration.ofHours(24), COMPLETED);
        assertThat(phone.id()).isEqualTo("RC-PHONE-C-9");
        assertThat(phone.reason()).isEqualTo(ReturnCallReason.AFTER_PHONE_RESOLUTION);
        assertThat(phone.dueAt()).isEqualTo(COMPLETED.plus(Duration.ofHours(24)));

        var installedOn = Instant.parse("2026-03-02T00:00:00Z");
        var thanks = ReturnCall.afterInstallation("WP-9", installedOn, Duration.ofDays(2), COMPLETED);
        assertThat(thanks.id()).isEqualTo("RC-INST-WP-9");
        assertThat(thanks.complaintId()).isEqualTo("INST-WP-9");
        assertThat(thanks.reason()).isEqualTo(ReturnCallReason.THANK_YOU_AFTER_INSTALLATION);
        assertThat(thanks.dueAt()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    }

    @Test
    void a_thank_you_calls_case_reference_names_its_machine_and_a_complaints_names_none() {
        assertThat(ReturnCall.machineOfInstallationCase(ReturnCall.installationCaseOf("WP-0001")))
                .isEqualTo("WP-0001");
        assertThat(ReturnCall.machineOfInstallationCase("C-20261130-0001")).isNull();
        assertThat(ReturnCall.machineOfInstallationCase(null)).isNull();
    }

    @Test
    void a_resolution_carried_out_has_one_call_per_round_for_its_case() {
        var first = ReturnCall.afterResolution("C-7", 1, COMPLETED, Duration.ofHours(24), COMPLETED);
        assertThat(first.id()).isEqualTo("RC-RES-C-7");
        assertThat(first.complaintId()).isEqualTo("C-7");
        assertThat(first.reason()).isEqualTo(ReturnCallReason.AFTER_RESOLUTION);
        assertThat(first.dueAt()).isEqualTo(COMPLETED.plus(Duration.ofHours(24)));
        assertThat(types(first)).containsExactly(EventCatalog.RETURN_CALL_SCHEDULED.type());

        assertThat(ReturnCall.afterResolution("C-7", 2, COMPLETED, Duration.ofHours(24), COMPLETED)
                        .id())
                .isEqualTo("RC-RES-C-7-R2");
    }
}
