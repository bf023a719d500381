package dev.aftersales.intake.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.SlaClock;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepSlaClocksTest {

    final InMemoryComplaints complaints = new InMemoryComplaints();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Clock atFirstAnswerDue =
            Clock.fixed(SlaPolicy.DEFAULT.deadlinesFrom(CaseChangesTest.NOW).firstAnswerDue(), ZoneOffset.UTC);
    final IntakeProperties properties = new IntakeProperties(
            3,
            ZoneId.of("Asia/Shanghai"),
            Duration.ofSeconds(15),
            new IntakeProperties.Sla(
                    SlaPolicy.DEFAULT.firstAnswer(),
                    SlaPolicy.DEFAULT.onSite(),
                    SlaPolicy.DEFAULT.resolution(),
                    Map.of(),
                    Map.of(),
                    Duration.ofSeconds(30)));
    final SweepSlaClocks sweep =
            new SweepSlaClocks(complaints, atFirstAnswerDue, new ComplaintMetrics(meters), properties);

    double breaches() {
        return meters.get("aftersales.sla.breaches")
                .tags("clock", SlaClock.FIRST_ANSWER.name(), "kind", ComplaintKind.REPAIR.name())
                .counter()
                .count();
    }

    @Test
    void a_case_changed_meanwhile_is_left_to_the_next_sweep_and_the_others_still_breach() {
        complaints.add(CaseChangesTest.registered("C-1", ComplaintKind.REPAIR));
        complaints.add(CaseChangesTest.registered("C-2", ComplaintKind.REPAIR));
        complaints.clashOnNextUpdates(1);

        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(breaches()).isEqualTo(1);
        assertThat(complaints.reads).isEqualTo(2);

        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(breaches()).isEqualTo(2);
        assertThat(sweep.sweep()).isZero();
    }
}
