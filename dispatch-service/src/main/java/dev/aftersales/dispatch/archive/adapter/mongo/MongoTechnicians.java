package dev.aftersales.dispatch.archive.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.dispatch.archive.domain.Availability;
import dev.aftersales.dispatch.archive.domain.Technician;
import dev.aftersales.dispatch.archive.domain.Technicians;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Technicians with their load. Master data and load are written by different paths (imports,
 * assignments, completions), so each writes only its own fields with a single-document update and
 * none overwrites the other's.
 */
@Component
class MongoTechnicians implements Technicians {

    private final MongoTemplate mongo;

    MongoTechnicians(MongoTemplate mongo) {
        this.mongo = mongo;
        // For MongoDB proper; the embedded store does not implement non-unique indexes and says so in a warning.
        mongo.indexOps(TechnicianDocument.class).createIndex(new Index("dealerId", Sort.Direction.ASC));
    }

    @Override
    public void upsert(Technician technician) {
        mongo.upsert(
                query(where("_id").is(technician.technicianId())),
                new Update()
                        .set("name", technician.name())
                        .set("dealerId", technician.dealerId())
                        .set("active", technician.active())
                        .set("productLines", new TreeSet<>(technician.productLines()))
                        .set("kindsOfWork", new TreeSet<>(technician.kindsOfWork()))
                        .set("dailyCapacity", technician.dailyCapacity())
                        .setOnInsert("openAssignments", 0),
                TechnicianDocument.class);
    }

    @Override
    public Optional<Technician> byId(String technicianId) {
        return Optional.ofNullable(mongo.findById(technicianId, TechnicianDocument.class))
                .map(TechnicianDocument::toTechnician);
    }

    @Override
    public List<Technician> ofDealer(String dealerId) {
        return mongo.find(query(where("dealerId").is(dealerId)), TechnicianDocument.class).stream()
                .map(TechnicianDocument::toTechnician)
                .toList();
    }

    @Override
    public boolean setAvailability(String technicianId, Availability availability) {
        var a = availability == null ? Availability.ALWAYS : availability;
        var result = mongo.updateFirst(
                query(where("_id").is(technicianId)),
                new Update()
                        .set(
                                "availability",
                                new AvailabilityDocument(
                                        a.leaveFrom() == null
                                                ? null
                                                : a.leaveFrom().toString(),
                                        a.leaveUntil() == null
                                                ? null
                                                : a.leaveUntil().toString(),
                                        a.workStart() == null
                                                ? null
                                                : a.workStart().toString(),
                                        a.workEnd() == null ? null : a.workEnd().toString())),
                TechnicianDocument.class);
        return result.getMatchedCount() > 0;
    }

    @Override
    public void changeLoad(String technicianId, int delta) {
        var guard = query(where("_id").is(technicianId));
        if (delta < 0) {
            // A range guard scans on the embedded store; the technicians collection is small.
            guard.addCriteria(where("openAssignments").gte(-delta));
        }
        mongo.updateFirst(guard, new Update().inc("openAssignments", delta), TechnicianDocument.class);
    }
}
