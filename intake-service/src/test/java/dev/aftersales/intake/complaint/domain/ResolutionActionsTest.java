package dev.aftersales.intake.complaint.domain;

import static dev.aftersales.intake.complaint.domain.ComplaintCaseWorkTest.NOW;
import static dev.aftersales.intake.complaint.domain.ComplaintCaseWorkTest.registered;
import static dev.aftersales.intake.complaint.domain.ComplaintCaseWorkTest.type;
import static dev.aftersales.intake.complaint.domain.ComplaintCaseWorkTest.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.intake.CancellationReason;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.contracts.intake.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The actions of an agreed resolution, carried out one by one, each reported overdue at most once. */
class ResolutionActionsTest {

    static final Instant PROMISE = NOW.plus(Duration.ofDays(2));

    static ResolutionAction action(String id, ResolutionKind kind, Instant promisedBy) {
        return new ResolutionAction(kind, null, null, id, "AGENT", null, promisedBy, null, null, null, null);
    }

    static Complaint agreed(ResolutionAction... actions) {
        var complaint = registered(ComplaintKind.QUALITY_COMPLAINT);
        complaint.proposeResolution("RES-1", List.of(actions), "agent-1", NOW);
        complaint.approveResolution("sup-1", NOW);
        complaint.recordAcceptance("agent-1", NOW);
        return complaint;
    }

    @Test
    void the_resolution_is_carried_out_only_when_its_last_action_is_done() {
        var complaint = agreed(
                action("A-1", ResolutionKind.FEE_REFUND, PROMISE), action("A-2", ResolutionKind.APOLOGY, PROMISE));

        assertThat(complaint.actionDone("A-1", "agent-1", "RF-1", null, NOW.plusSeconds(60)))
                .isTrue();
        assertThat(types(complaint)).doesNotContain(type(EventCatalog.RESOLUTION_CARRIED_OUT));
        assertThat(complaint.actionDone("A-1", "agent-1", "RF-1", null, NOW.plusSeconds(61)))
                .as("done twice changes nothing")
                .isFalse();
        complaint.actionDone("A-2", "agent-2", null, "已致歉", NOW.plusSeconds(120));

        assertThat(types(complaint))
                .filteredOn(type(EventCatalog.RESOLUTION_ACTION_DONE)::equals)
                .hasSize(2);
        assertThat(types(complaint))
                .filteredOn(type(EventCatalog.RESOLUTION_CARRIED_OUT)::equals)
                .hasSize(1);
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.AWAITING_RETURN_CALL);
        assertThat(complaint.resolution().carriedOutAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void an_action_past_its_promise_is_reported_once_and_stays_on_the_overdue_list_until_done() {
        var complaint = agreed(
                action("A-1", ResolutionKind.FEE_REFUND, PROMISE),
                action("A-2", ResolutionKind.APOLOGY, PROMISE.plusSeconds(3600)));

        assertThat(complaint.nextActionDue()).isEqualTo(PROMISE);
        assertThat(complaint.reportOverdueActions(PROMISE.minusMillis(1))).isEmpty();
        assertThat(complaint.reportOverdueActions(PROMISE))
                .extracting(ResolutionAction::actionId)
                .containsExactly("A-1");
        assertThat(complaint.reportOverdueActions(PROMISE.plusSeconds(1))).isEmpty();
        assertThat(complaint.nextActionDue()).isEqualTo(PROMISE.plusSeconds(3600));
        assertThat(complaint.overdueActions())
                .extracting(ResolutionAction::actionId)
                .containsExactly("A-1");

        complaint.actionDone("A-1", "agent-1", "RF-1", null, PROMISE.plusSeconds(10));

        assertThat(complaint.overdueActions()).isEmpty();
        assertThat(types(complaint))
                .filteredOn(type(EventCatalog.RESOLUTION_ACTION_OVERDUE)::equals)
                .hasSize(1);
    }

    @Test
    void goods_are_received_only_after_they_were_shipped_and_the_waybill_is_the_evidence() {
        var complaint = agreed(new ResolutionAction(
                ResolutionKind.REPLACEMENT, null, null, "A-1", "DEALER", "D-X", PROMISE, "RO-400", 2, "D-X", null));

        assertThatThrownBy(() -> complaint.goodsReceived("A-1", "agent-1", null, NOW))
                .isInstanceOf(CaseRuleViolation.class);
        complaint.goodsShipped(
                "A-1", "SF-1", new TimelineEntry(NOW.plusSeconds(5), Milestone.REPLACEMENT_SHIPPED, "shipped", null));
        complaint.goodsReceived("A-1", "agent-1", "签收", NOW.plusSeconds(60));

        assertThat(complaint.resolution().progressOf("A-1").evidenceReference()).isEqualTo("SF-1");
        assertThat(complaint.resolution().carriedOut()).isTrue();
    }

    @Test
    void a_cancelled_case_is_final_its_clocks_stop_and_a_late_report_does_not_reopen_it() {
        var complaint = registered(ComplaintKind.REPAIR);

        complaint.cancel(new Cancellation(CancellationReason.CUSTOMER_CANCELLED, null, "自行修好", "agent-1", NOW));
        complaint.record(
                "ce-late",
                new TimelineEntry(NOW.plusSeconds(60), Milestone.TECHNICIAN_ASSIGNED, "ORIGINAL_INSTALLER", "T-1"));

        assertThat(complaint.status()).isEqualTo(ComplaintStatus.CANCELLED);
        assertThat(complaint.clocks().get(SlaClock.RESOLUTION).running()).isFalse();
        assertThat(complaint.nextSlaDue()).isNull();
        assertThat(types(complaint)).contains(type(EventCatalog.COMPLAINT_CANCELLED));
        assertThatThrownBy(() -> complaint.cancel(
                        new Cancellation(CancellationReason.CUSTOMER_CANCELLED, null, null, "agent-1", NOW)))
                .isInstanceOf(CaseRuleViolation.class);
    }
}
