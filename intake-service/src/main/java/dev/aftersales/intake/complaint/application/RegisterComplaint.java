package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintIdGenerator;
import dev.aftersales.intake.complaint.domain.Complaints;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Opens a case for a call: one write stores the case with its SLA deadlines and the
 * {@code ComplaintRegistered} event, which the outbox relay publishes after the write.
 */
@Service
public class RegisterComplaint {

    private static final Logger log = LoggerFactory.getLogger(RegisterComplaint.class);
    /** A fresh id is drawn when one is taken; more than one clash in a row means something else is wrong. */
    private static final int ID_ATTEMPTS = 3;

    private final Complaints complaints;
    private final SlaPolicy sla;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ComplaintIdGenerator ids = new ComplaintIdGenerator(new SecureRandom());

    RegisterComplaint(Complaints complaints, SlaProperties sla, Clock clock, MeterRegistry meters) {
        this.complaints = complaints;
        this.sla = sla.policy();
        this.clock = clock;
        this.meters = meters;
    }

    public Complaint register(RegisterComplaintCommand command) {
        // The store keeps milliseconds; the answer must show the same deadlines a later read shows.
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var form = command.form();
        for (int attempt = 1; ; attempt++) {
            var complaint = Complaint.register(ids.next(now), form, command.takenBy(), now, sla);
            try {
                complaints.add(complaint);
            } catch (DuplicateKeyException e) {
                if (attempt == ID_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            Counter.builder("aftersales.complaints.registered")
                    .description("Complaints registered, by kind and channel")
                    .tag("kind", form.kind().name())
                    .tag("channel", form.channel().name())
                    .register(meters)
                    .increment();
            log.info("registered complaint {} ({} via {})", complaint.id(), form.kind(), form.channel());
            return complaint;
        }
    }
}
