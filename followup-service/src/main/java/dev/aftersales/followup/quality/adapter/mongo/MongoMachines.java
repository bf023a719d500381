package dev.aftersales.followup.quality.adapter.mongo;

import dev.aftersales.followup.quality.domain.Machine;
import dev.aftersales.followup.quality.domain.Machines;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class MongoMachines implements Machines {

    private final MachineDocuments documents;

    MongoMachines(MachineDocuments documents) {
        this.documents = documents;
    }

    @Override
    public Optional<Machine> find(String serialNumber) {
        return documents.findById(serialNumber).map(MachineDocument::toMachine);
    }

    @Override
    public void save(Machine machine) {
        documents.save(MachineDocument.of(machine));
    }
}
