package dev.aftersales.intake.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Machine;
import dev.aftersales.intake.complaint.domain.Milestone;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class CaseChangesTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    final InMemoryComplaints complaints = new InMemoryComplaints();
    final CaseChanges changes = new CaseChanges(complaints);

    static Complaint registered(String id, ComplaintKind kind) {
        var form = new ComplaintForm(
                new Customer("王芳", List.of("13812345678"), "上海", "310115"),
                new Machine("WP-" + id, "RO-400", null, null, null),
                null,
                kind,
                Channel.HOTLINE,
                "漏水",
                null);
        return Complaint.register(id, form, "agent-1", NOW, SlaPolicy.DEFAULT);
    }

    @Test
    void a_change_overtaken_by_another_writer_is_made_again_on_the_case_as_it_now_stands() {
        complaints.add(registered("C-1", ComplaintKind.REPAIR));
        complaints.clashOnNextUpdates(4);

        changes.change("C-1", c -> {
            c.recordAnswer("已回电", "agent-2", NOW.plusSeconds(60));
            return c;
        });

        assertThat(complaints.reads).isEqualTo(5);
        assertThat(complaints.find("C-1").orElseThrow().timeline())
                .filteredOn(e -> e.what() == Milestone.CUSTOMER_ANSWERED)
                .hasSize(1);
    }

    @Test
    void past_five_clashes_in_a_row_the_conflict_reaches_the_caller_and_nothing_is_saved() {
        complaints.add(registered("C-1", ComplaintKind.REPAIR));
        complaints.clashOnNextUpdates(5);

        assertThatThrownBy(() -> changes.change("C-1", c -> {
                    c.recordAnswer("已回电", "agent-2", NOW.plusSeconds(60));
                    return c;
                }))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(complaints.reads).isEqualTo(5);
        assertThat(complaints.updates).isZero();
    }

    @Test
    void a_change_that_changes_nothing_saves_nothing() {
        complaints.add(registered("C-1", ComplaintKind.REPAIR));

        assertThat((Object) changes.change("C-1", c -> null)).isNull();
        assertThat(complaints.updates).isZero();
    }

    @Test
    void an_unknown_case_is_not_found_and_a_step_the_case_does_not_allow_is_a_conflict_without_retrying() {
        complaints.add(registered("C-1", ComplaintKind.REPAIR));

        assertThatThrownBy(() -> changes.change("C-2", c -> c)).isInstanceOf(NotFoundException.class);
        var reads = complaints.reads;
        assertThatThrownBy(() -> changes.change("C-1", c -> {
                    c.approveResolution("sup-1", NOW);
                    return c;
                }))
                .isInstanceOf(ConflictException.class);
        assertThat(complaints.reads).isEqualTo(reads + 1);
    }
}
