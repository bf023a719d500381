package dev.aftersales.parts.planning.adapter.mongo;

import dev.aftersales.parts.planning.domain.DemandHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
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
        // For MongoDB proper; the embedded store ignores non-unique indexes. Both grow with every machine and repair.
        // a part's usage within the history window
        mongo.indexOps(Usage.class)
                .createIndex(new Index().on("partNumber", Direction.ASC).on("at", Direction.ASC));
        // a dealer's installed base
        mongo.indexOps(Machine.class).createIndex(new Index("dealerId", Direction.ASC));
        // the machines of one model network-wide (counted from the index)
        mongo.indexOps(Machine.class).createIndex(new Index("model", Direction.ASC));
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
        for (var usage : mongo.find(
                Query.query(
                        Criteria.where("partNumber").is(partNumber).and("at").gte(since)),
                Usage.class)) {
            var machine = mongo.findById(usage.serialNumber(), Machine.class);
            if (machine != null && machine.model() != null) {
                result.merge(machine.model(), usage.quantity(), Integer::sum);
            }
        }
        return result;
    }

    @Override
    public Map<String, Integer> installedByModel(Set<String> models) {
        var installed = new HashMap<String, Integer>();
        for (var model : models) {
            var count = mongo.count(Query.query(Criteria.where("model").is(model)), Machine.class);
            if (count > 0) {
                installed.put(model, (int) count);
            }
        }
        return installed;
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
