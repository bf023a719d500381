package dev.aftersales.intake.complaint.application;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** An agent records that the customer got an answer (a call back, what happens next): the first-answer clock is met. */
@Service
public class AnswerCustomer {

    private final CaseChanges changes;
    private final Clock clock;
    private final ComplaintMetrics metrics;

    AnswerCustomer(CaseChanges changes, Clock clock, ComplaintMetrics metrics) {
        this.changes = changes;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void answer(AnswerCustomerCommand command) {
        var now = clock.instant();
        var waited = changes.change(command.complaintId(), complaint -> {
            var first = complaint.clocks().firstAnswer().running();
            complaint.recordAnswer(command.note(), command.by(), now);
            return first ? Duration.between(complaint.registeredAt(), now) : Duration.ZERO;
        });
        if (!waited.isZero()) {
            metrics.firstAnswered(waited);
        }
    }
}
