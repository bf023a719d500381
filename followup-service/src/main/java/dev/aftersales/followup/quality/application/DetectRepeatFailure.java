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
            if (repeat[0]) {
                meters.counter("aftersales.quality.repeat.failures", "model", modelTag(model))
                        .increment();
            }
        }
    }

    /** Catalog model names are a bounded set; anything else typed into the form counts as OTHER. */
    static String modelTag(String model) {
        if (model == null) {
            return "OTHER";
        }
        var tag = model.strip().toUpperCase(java.util.Locale.ROOT);
        return tag.matches("[A-Z][A-Z0-9-]{0,23}") ? tag : "OTHER";
    }
}
