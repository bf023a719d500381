package dev.aftersales.followup.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.followup.RepeatFailureDetected;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MachineTest {

    static final Instant COMPLETED = Instant.parse("2026-01-10T09:00:00Z");
    static final Duration WINDOW = Duration.ofDays(90);

    static Machine repairedOnce() {
        var machine = Machine.unknown("WP-1");
        machine.installed("WP-200", "purifiers", "CU-1", "D-SH");
        machine.visitCompleted("C-1", COMPLETED);
        return machine;
    }

    @Test
    void a_fault_89_days_after_a_completed_visit_is_a_repeat_failure() {
        var machine = repairedOnce();
        var at = COMPLETED.plus(Duration.ofDays(89));

        assertThat(machine.faultReported("C-2", null, at, WINDOW)).isTrue();

        var event = EventJson.read(
                Outbox.of(machine.events()).pending().get(0).payload().getBytes(), RepeatFailureDetected.class);
        assertThat(event).isEqualTo(new RepeatFailureDetected("WP-1", "C-2", "C-1", COMPLETED, 89, "WP-200", at));
        assertThat(Outbox.of(machine.events()).pending().get(0).key()).isEqualTo("C-2");
    }

    @Test
    void a_fault_91_days_after_is_not() {
        var machine = repairedOnce();

        assertThat(machine.faultReported("C-2", null, COMPLETED.plus(Duration.ofDays(91)), WINDOW))
                .isFalse();
        assertThat(machine.events().hasPending()).isFalse();
    }

    @Test
    void a_machine_never_repaired_or_the_same_case_is_no_repeat() {
        assertThat(Machine.unknown("WP-2").faultReported("C-1", null, COMPLETED, WINDOW))
                .isFalse();
        assertThat(repairedOnce().faultReported("C-1", null, COMPLETED.plusSeconds(60), WINDOW))
                .isFalse();
    }

    @Test
    void a_correction_of_the_customer_wins_over_the_installation_record_delivered_again() {
        var machine = repairedOnce();

        machine.corrected(2, "WP-200", "purifiers", "CU-9", "D-SH");
        machine.installed("WP-200", "purifiers", "CU-1", "D-SH");
        machine.corrected(1, "WP-200", "purifiers", "CU-5", "D-SH");

        assertThat(machine.customerId()).isEqualTo("CU-9");
        assertThat(machine.archiveRevision()).isEqualTo(2);
    }
}
