package dev.aftersales.intake.complaint.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** An agent records that the customer got an answer (a call back, what happens next): the first-answer clock is met. */
@Service
public class AnswerCustomer {

    private final CaseChanges changes;
    private final Clock clock;
    private final MeterRegistry meters;

    AnswerCustomer(CaseChanges changes, Clock clock, MeterRegistry meters) {
        this.changes = changes;
        this.clock = clock;
        this.meters = meters;
    }

    public void answer(String complaintId, String note, String by) {
        var now = clock.instant();
        var waited = changes.change(complaintId, complaint -> {
            var first = complaint.clocks().firstAnswer().running();
            complaint.recordAnswer(note, by, now);
            return first ? Duration.between(complaint.registeredAt(), now) : Duration.ZERO;
        });
        if (!waited.isZero()) {
            Timer.builder("aftersales.intake.first.answer")
                    .description("Time from registration to the first answer an agent recorded")
                    .register(meters)
                    .record(waited);
        }
    }
}
