package dev.aftersales.followup.quality.application;

import dev.aftersales.followup.quality.domain.Machine;
import dev.aftersales.followup.quality.domain.Machines;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Applies one consumed event to its machine, once (the event id is recorded in the same save). */
@Service
public class UpdateMachine {

    private final Machines machines;

    UpdateMachine(Machines machines) {
        this.machines = machines;
    }

    /** @return false when the event was applied before */
    public boolean apply(String eventId, String serialNumber, Consumer<Machine> change) {
        var machine = machines.find(serialNumber).orElseGet(() -> Machine.unknown(serialNumber));
        if (!machine.events().firstDelivery(eventId)) {
            return false;
        }
        change.accept(machine);
        machines.save(machine);
        return true;
    }
}
