package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.assignedToOriginalInstaller;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.raised;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.SubjectKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case taken back from its technician, and the dispatcher giving it to someone else. */
class WithdrawalTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:01:00Z");
    static final Duration OFFER = Duration.ofMinutes(15);

    @Test
    void a_case_withdrawn_before_arrival_is_cancelled_at_once_with_the_door_fee_waived() {
        var assignment = assignedToOriginalInstaller("C-1", "WP-0001", NOW);

        assertThat(assignment.withdraw(WithdrawalReason.SETTLED_BY_PHONE, NOW.plusSeconds(60)))
                .isEqualTo(WithdrawalOutcome.CANCELLED);

        assertThat(assignment.status()).isEqualTo(AssignmentStatus.CANCELLED);
        assertThat(assignment.offerExpiresAt()).isNull();
        assertThat(raised(assignment, AssignmentCancelled.class))
                .containsExactly(new AssignmentCancelled(
                        "ASG-C-1",
                        "C-1",
                        "T-001",
                        WithdrawalReason.SETTLED_BY_PHONE,
                        false,
                        Assignment.WAIVED_BEFORE_ARRIVAL,
                        BigDecimal.ZERO,
                        NOW.plusSeconds(60)));
        assertThat(assignment.withdraw(WithdrawalReason.CLOSED, NOW.plusSeconds(90)))
                .isEqualTo(WithdrawalOutcome.NOTHING_OPEN);
        assertThat(raised(assignment, AssignmentCancelled.class)).hasSize(1);
    }

    @Test
    void a_case_withdrawn_on_site_waits_for_the_technician_and_charges_the_door_fee_only_as_quoted() {
        var assignment = assignedToOriginalInstaller("C-1", "WP-0001", NOW);
        assignment.quote(new FeeQuote(
                false, new BigDecimal("30"), new BigDecimal("50"), BigDecimal.ZERO, new BigDecimal("80"), NOW));
        assignment.arrive(NOW.plusSeconds(600));

        assertThat(assignment.withdraw(WithdrawalReason.CUSTOMER_CANCELLED, NOW.plusSeconds(700)))
                .isEqualTo(WithdrawalOutcome.AWAITING_ACKNOWLEDGEMENT);
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(raised(assignment, AssignmentCancelled.class)).isEmpty();
        assertThatThrownBy(() -> assignment.complete(new Visit("x", null, List.of(), null, true, NOW)))
                .isInstanceOf(AssignmentNotOpenException.class)
                .hasMessageContaining("acknowledge the withdrawal");

        assignment.acknowledgeWithdrawal(NOW.plusSeconds(800));

        assertThat(assignment.status()).isEqualTo(AssignmentStatus.CANCELLED);
        var cancelled = raised(assignment, AssignmentCancelled.class).get(0);
        assertThat(cancelled.afterArrival()).isTrue();
        assertThat(cancelled.doorFeeRule()).isEqualTo(Assignment.CHARGED_AS_QUOTED);
        assertThat(cancelled.doorFeeCharged()).isEqualByComparingTo("30");
        assertThatThrownBy(() -> assignment.acknowledgeWithdrawal(NOW.plusSeconds(900)))
                .isInstanceOf(AssignmentNotOpenException.class);
    }

    @Test
    void no_door_fee_is_charged_on_site_when_none_was_quoted_or_the_machine_is_in_warranty() {
        var unquoted = assignedToOriginalInstaller("C-1", "WP-0001", NOW);
        unquoted.arrive(NOW);
        unquoted.withdraw(WithdrawalReason.MERGED, NOW);
        unquoted.acknowledgeWithdrawal(NOW);
        assertThat(unquoted.withdrawal().doorFeeRule()).isEqualTo(Assignment.WAIVED_NOT_QUOTED);
        assertThat(unquoted.withdrawal().doorFeeCharged()).isEqualByComparingTo("0");

        var inWarranty = assignedToOriginalInstaller("C-2", "WP-0001", NOW);
        inWarranty.quote(new FeeQuote(true, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, NOW));
        inWarranty.arrive(NOW);
        inWarranty.withdraw(WithdrawalReason.CLOSED, NOW);
        inWarranty.acknowledgeWithdrawal(NOW);
        assertThat(inWarranty.withdrawal().doorFeeRule()).isEqualTo(Assignment.WAIVED_IN_WARRANTY);
    }

    @Test
    void a_dispatcher_hands_the_case_over_and_the_previous_holder_loses_it() {
        var assignment = assignedToOriginalInstaller("C-1", "WP-0001", NOW);

        var previous = assignment.handOver(
                technician("T-002", "D-SH", true, 0),
                AssignmentRule.MANUAL,
                "chosen by dispatcher disp-1: 客户要求",
                "disp-1",
                "客户要求",
                NOW.plusSeconds(60),
                OFFER);

        assertThat(previous).isEqualTo("T-001");
        assertThat(raised(assignment, AssignmentCancelled.class))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.technicianId()).isEqualTo("T-001");
                    assertThat(c.reason()).isEqualTo(WithdrawalReason.HANDED_OVER);
                });
        var assigned = raised(assignment, TechnicianAssigned.class);
        assertThat(assigned.get(assigned.size() - 1)).satisfies(t -> {
            assertThat(t.technicianId()).isEqualTo("T-002");
            assertThat(t.rule()).isEqualTo(AssignmentRule.MANUAL);
            assertThat(t.assignedBy()).isEqualTo("disp-1");
            assertThat(t.note()).isEqualTo("客户要求");
            assertThat(t.reason()).isEqualTo("chosen by dispatcher disp-1: 客户要求; earlier: original installer");
        });
        assertThat(assignment.offerExpiresAt()).isEqualTo(NOW.plusSeconds(60).plus(OFFER));
        assertThat(assignment.accepted()).isFalse();
    }

    @Test
    void the_case_is_never_handed_to_the_technician_it_is_about() {
        var complaint = about(Fixtures.registered("C-1", "WP-0001"), "T-002");
        var assignment = Assignment.open(complaint, new Decision(null, null, null, "nobody"), NOW);

        assertThatThrownBy(() -> assignment.handOver(
                        technician("T-002", "D-SH", true, 0),
                        AssignmentRule.MANUAL,
                        "chosen",
                        "disp-1",
                        null,
                        NOW,
                        OFFER))
                .isInstanceOf(AssignmentNotOpenException.class)
                .hasMessageContaining("the case is about them");
        assertThat(assignment.isAbout("T-002")).isTrue();
        assertThat(assignment.passedOverWith(null)).doesNotContain("T-002");
    }

    @Test
    void nobody_is_handed_a_case_whose_technician_is_on_site() {
        var assignment = assignedToOriginalInstaller("C-1", "WP-0001", NOW);
        assignment.arrive(NOW);

        assertThatThrownBy(() -> assignment.handOver(
                        technician("T-002", "D-SH", true, 0), AssignmentRule.MANUAL, "x", "d", null, NOW, OFFER))
                .isInstanceOf(AssignmentNotOpenException.class)
                .hasMessageContaining("on site");
    }

    private static ComplaintRegistered about(ComplaintRegistered c, String technicianId) {
        return new ComplaintRegistered(
                c.complaintId(),
                c.kind(),
                c.channel(),
                c.serialNumber(),
                c.model(),
                c.symptoms(),
                c.customerRequest(),
                c.contact(),
                c.takenBy(),
                c.registeredAt(),
                c.firstAnswerDue(),
                c.onSiteDue(),
                c.resolutionDue(),
                c.priority(),
                false,
                null,
                null,
                new CaseSubject(SubjectKind.TECHNICIAN, technicianId, "态度"),
                null,
                null);
    }
}
