package dev.aftersales.followup.returncall.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReturnCallTest {

    static final Instant COMPLETED = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void a_visit_return_call_is_due_the_delay_after_completion_and_announced() {
        var call = ReturnCall.afterVisit("ASG-C-1", "C-1", COMPLETED, Duration.ofHours(48), COMPLETED.plusSeconds(5));

        assertThat(call.id()).isEqualTo("RC-ASG-C-1");
        assertThat(call.reason()).isEqualTo(ReturnCallReason.AFTER_VISIT);
        assertThat(call.dueAt()).isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
        assertThat(call.status()).isEqualTo(ReturnCallStatus.DUE);
        var event = call.outbox().pending().get(0);
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
    void a_call_is_due_from_its_due_time_on() {
        var call = ReturnCall.afterVisit("ASG-C-1", "C-1", COMPLETED, Duration.ofHours(48), COMPLETED);

        assertThat(call.isDueBy(COMPLETED.plus(Duration.ofHours(48)).minusSeconds(1)))
                .isFalse();
        assertThat(call.isDueBy(COMPLETED.plus(Duration.ofHours(48)))).isTrue();
    }
}
