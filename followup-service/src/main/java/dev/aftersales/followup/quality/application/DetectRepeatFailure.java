package dev.aftersales.followup.quality.application;

import dev.aftersales.followup.FollowupProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** A new complaint about a machine: a repeat failure when it comes within the window of its last completed visit. */
@Service
public class DetectRepeatFailure {

    private final UpdateMachine updateMachine;
    private final FollowupProperties properties;
    private final MeterRegistry meters;

    DetectRepeatFailure(UpdateMachine updateMachine, FollowupProperties properties, MeterRegistry meters) {
        this.updateMachine = updateMachine;
        this.properties = properties;
        this.meters = meters;
    }

    public void check(String eventId, String serialNumber, String complaintId, String model, Instant registeredAt) {
        var repeat = new boolean[1];
        var applied = updateMachine.apply(
                eventId,
                serialNumber,
                m -> repeat[0] = m.faultReported(complaintId, model, registeredAt, properties.repeatFailureWindow()));
        if (applied) {
            meters.counter("aftersales.quality.faults", "outcome", repeat[0] ? "repeat" : "first")
                    .increment();
        }
    }
}
