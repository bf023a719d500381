package dev.aftersales.followup.quality.application;

import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.quality.domain.Machine;
import dev.aftersales.followup.quality.domain.Machines;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * A new complaint about a machine: a repeat failure when it comes within the window of its last
 * completed visit. Once per event: its id is recorded in the machine's save with the verdict.
 */
@Service
public class DetectRepeatFailure {

    private final Machines machines;
    private final FollowupProperties properties;
    private final QualityMetrics metrics;

    DetectRepeatFailure(Machines machines, FollowupProperties properties, QualityMetrics metrics) {
        this.machines = machines;
        this.properties = properties;
        this.metrics = metrics;
    }

    public void check(String eventId, String serialNumber, String complaintId, String model, Instant registeredAt) {
        var machine = machines.find(serialNumber).orElseGet(() -> Machine.unknown(serialNumber));
        if (!machine.events().firstDelivery(eventId)) {
            return;
        }
        var repeat = machine.faultReported(complaintId, model, registeredAt, properties.repeatFailureWindow());
        machines.save(machine);
        metrics.faultReported(repeat, model);
    }
}
