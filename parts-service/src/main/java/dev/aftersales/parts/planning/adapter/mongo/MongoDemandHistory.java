package dev.aftersales.parts.planning.adapter.mongo;

import dev.aftersales.parts.planning.domain.DemandHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The installed base ({@code installed_base}, by serial number) and part usage ({@code part_usage},
 * by event id and part). A usage finds its machine's model when counted, so the order in which
 * the two topics deliver does not matter.
 */
@Component
class MongoDemandHistory implements DemandHistory {

    @Document("installed_base")
    record Machine(@Id String id, String model, String dealerId) {}

    @Document("part_usage")
    record Usage(@Id String id, String serialNumber, String partNumber, int quantity, Instant at) {}

    private final MongoTemplate mongo;

    MongoDemandHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void installed(String serialNumber, String model, String dealerId) {
        mongo.save(new Machine(serialNumber, model, dealerId));
    }

    @Override
    public void used(String key, String serialNumber, String partNumber, int quantity, Instant at) {
        mongo.save(new Usage(key, serialNumber, partNumber, quantity, at));
    }

    @Override
    public Map<String, Integer> usedByModel(String partNumber, Instant since) {
        var result = new HashMap<String, Integer>();
        for (var usage : mongo.find(Query.query(Criteria.where("partNumber").is(partNumber)), Usage.class)) {
            var machine = usage.at().isBefore(since) ? null : mongo.findById(usage.serialNumber(), Machine.class);
            if (machine != null && machine.model() != null) {
                result.merge(machine.model(), usage.quantity(), Integer::sum);
            }
        }
        return result;
    }

    @Override
    public Map<String, Integer> installedByModel() {
        return count(mongo.findAll(Machine.class).stream());
    }

    @Override
    public Map<String, Integer> installedByModel(String dealerId) {
        return count(mongo.find(Query.query(Criteria.where("dealerId").is(dealerId)), Machine.class).stream());
    }

    private static Map<String, Integer> count(java.util.stream.Stream<Machine> machines) {
        return machines
                .filter(m -> m.model() != null)
                .collect(Collectors.groupingBy(Machine::model, Collectors.summingInt(m -> 1)))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, HashMap::new));
    }
}
