package dev.aftersales.intake.caller.adapter.mongo;

import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The archive copy in {@code machines}: by {@code _id} (serial number), or by the customer's phone. */
@Component
class MongoMachineArchive implements MachineArchive {

    private static final int MAX_BY_PHONE = 50;

    private final MongoTemplate mongo;

    MongoMachineArchive(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void put(InstalledMachine machine) {
        mongo.save(MachineDocument.of(machine));
    }

    @Override
    public Optional<InstalledMachine> bySerialNumber(String serialNumber) {
        return Optional.ofNullable(mongo.findById(serialNumber, MachineDocument.class))
                .map(MachineDocument::toMachine);
    }

    @Override
    public List<InstalledMachine> byPhone(String phone) {
        var query = Query.query(Criteria.where("customerPhone").is(phone)).limit(MAX_BY_PHONE);
        return mongo.find(query, MachineDocument.class).stream()
                .map(MachineDocument::toMachine)
                .toList();
    }
}
