package dev.aftersales.dispatch.assignment.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.aftersales.chassis.paging.Keyset;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.time.DueTimes;
import dev.aftersales.dispatch.assignment.application.AssignmentPages;
import dev.aftersales.dispatch.assignment.application.ListAssignments;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Assignments in the {@code assignments} collection. New ones are inserted (never upserted), so
 * the unique {@code _id} is what makes "one assignment per complaint" hold across redeliveries,
 * restarts and instances. Changes are optimistic saves on {@code {_id, version}}.
 *
 * <p>A complaint's and a machine's assignments, asked for by consumers of intake's events and by a
 * completed visit, are read by key: their ids are listed per complaint in {@value #OF_COMPLAINT} and
 * per machine in {@value #OF_MACHINE} ({@code _id} = complaint id, serial number), written before the
 * assignment's insert so a list is never behind, then read by {@code _id}. The embedded store scans for
 * any other filter, and assignments gain a document per visit.
 */
@Component
class MongoAssignments implements Assignments, AssignmentPages {

    private static final String DECIDED_AT = "decidedAt";
    private static final Sort OLDEST_DECISION_FIRST = Sort.by(DECIDED_AT);

    static final String OF_COMPLAINT = "complaint_assignments";
    static final String OF_MACHINE = "machine_assignments";

    /** In {@value #OF_COMPLAINT}: present once the assignments stored before the lists existed were listed. */
    private static final String ALL_LISTED = "~all-assignments-listed";

    private final MongoTemplate mongo;

    MongoAssignments(MongoTemplate mongo) {
        this.mongo = mongo;
        // For MongoDB proper; the embedded store does not implement non-unique indexes and says so in a warning.
        var indexes = mongo.indexOps(AssignmentDocument.class);
        // a technician's assignments, oldest decision first
        indexes.createIndex(new Index().on("technicianId", Sort.Direction.ASC).on("decidedAt", Sort.Direction.ASC));
        // the assignments in one status, oldest decision first (and the escalated-wait gauges)
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("decidedAt", Sort.Direction.ASC));
        // a machine's assignments
        indexes.createIndex(new Index("serialNumber", Sort.Direction.ASC));
        // a complaint's assignments, oldest decision first
        indexes.createIndex(new Index().on("complaintId", Sort.Direction.ASC).on("decidedAt", Sort.Direction.ASC));
        // the offer sweep's expired offers; only offered assignments have the field
        indexes.createIndex(new Index("offerExpiresAt", Sort.Direction.ASC).sparse());
        // the appointment sweep's due appointments; only booked assignments have the field
        indexes.createIndex(new Index("appointmentDueAt", Sort.Direction.ASC).sparse());
        // a dealer's visits completed in a period (first-time fix)
        indexes.createIndex(new Index().on("dealerId", Sort.Direction.ASC).on("visit.completedAt", Sort.Direction.ASC));
        // the paged lists (AssignmentPages): each filter's equality fields, then (decidedAt, _id)
        for (var fields : List.of(
                List.of("technicianId"),
                List.of("status"),
                List.of("dealerId"),
                List.of("technicianId", "status"),
                List.of("dealerId", "status"))) {
            var index = new Index();
            fields.forEach(field -> index.on(field, Sort.Direction.ASC));
            indexes.createIndex(index.on(DECIDED_AT, Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        }
        listAssignmentsStoredBefore();
    }

    /** Once per store: assignments stored before the lists existed join them, in one read of every assignment. */
    private void listAssignmentsStoredBefore() {
        if (mongo.getCollection(OF_COMPLAINT)
                        .find(Filters.eq("_id", ALL_LISTED))
                        .first()
                != null) {
            return;
        }
        var collection = mongo.getCollection(mongo.getCollectionName(AssignmentDocument.class));
        if (collection.estimatedDocumentCount() > 0) {
            var ofComplaint = new ArrayList<UpdateOneModel<Document>>();
            var ofMachine = new ArrayList<UpdateOneModel<Document>>();
            for (var stored : collection.find().projection(Projections.include("complaintId", "serialNumber"))) {
                list(ofComplaint, stored.getString("complaintId"), stored.getString("_id"));
                list(ofMachine, stored.getString("serialNumber"), stored.getString("_id"));
            }
            if (!ofComplaint.isEmpty()) {
                mongo.getCollection(OF_COMPLAINT).bulkWrite(ofComplaint);
            }
            if (!ofMachine.isEmpty()) {
                mongo.getCollection(OF_MACHINE).bulkWrite(ofMachine);
            }
        }
        mongo.getCollection(OF_COMPLAINT)
                .updateOne(
                        Filters.eq("_id", ALL_LISTED),
                        Updates.setOnInsert("listedAt", new java.util.Date()),
                        new UpdateOptions().upsert(true));
    }

    private static void list(List<UpdateOneModel<Document>> listings, String key, String assignmentId) {
        if (key != null) {
            listings.add(new UpdateOneModel<>(
                    Filters.eq("_id", key),
                    Updates.addToSet("assignmentIds", assignmentId),
                    new UpdateOptions().upsert(true)));
        }
    }

    /** Lists the assignment under its complaint and its machine: before its insert, so no reader misses it. */
    private void listBeforeInsert(Assignment assignment) {
        var ofComplaint = new ArrayList<UpdateOneModel<Document>>();
        list(ofComplaint, assignment.complaintId(), assignment.id());
        mongo.getCollection(OF_COMPLAINT).bulkWrite(ofComplaint);
        var ofMachine = new ArrayList<UpdateOneModel<Document>>();
        list(ofMachine, assignment.serialNumber(), assignment.id());
        if (!ofMachine.isEmpty()) {
            mongo.getCollection(OF_MACHINE).bulkWrite(ofMachine);
        }
    }

    /** The assignments listed under {@code key}, by their ids, oldest decision first. */
    private List<Assignment> listed(String collection, String key) {
        if (key == null) {
            return List.of();
        }
        var list = mongo.findById(key, Document.class, collection);
        var ids = list == null ? null : list.getList("assignmentIds", String.class);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return find(query(where("_id").in(ids)).with(OLDEST_DECISION_FIRST));
    }

    @Override
    public boolean add(Assignment assignment) {
        listBeforeInsert(assignment);
        try {
            mongo.insert(AssignmentDocument.of(assignment));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Assignment save(Assignment assignment) {
        return mongo.save(AssignmentDocument.of(assignment)).toAssignment();
    }

    @Override
    public Optional<Assignment> byId(String assignmentId) {
        return Optional.ofNullable(mongo.findById(assignmentId, AssignmentDocument.class))
                .map(AssignmentDocument::toAssignment);
    }

    @Override
    public List<Assignment> ofTechnician(String technicianId) {
        return find(query(where("technicianId").is(technicianId)).with(OLDEST_DECISION_FIRST));
    }

    @Override
    public List<Assignment> withStatus(AssignmentStatus status) {
        return find(query(where("status").is(status.name())).with(OLDEST_DECISION_FIRST));
    }

    // The due-time fields are null unless a timer runs, so these scans touch few documents on MongoDB proper
    // (sparse indexes); the embedded store scans the collection.
    @Override
    public List<Assignment> offersExpiredBy(Instant now) {
        return find(query(where("offerExpiresAt").lte(now))).stream()
                .filter(a -> a.offerExpiredAt(now))
                .toList();
    }

    @Override
    public Optional<Instant> nextOfferExpiry() {
        return DueTimes.earliest(mongo, "assignments", "offerExpiresAt");
    }

    @Override
    public Optional<Instant> nextAppointmentDue() {
        return DueTimes.earliest(mongo, "assignments", "appointmentDueAt");
    }

    @Override
    public List<Assignment> appointmentsMissedBy(Instant now) {
        return find(query(where("appointmentDueAt").lte(now))).stream()
                .filter(a -> a.appointmentMissedAt(now))
                .toList();
    }

    @Override
    public List<Assignment> ofComplaint(String complaintId) {
        return listed(OF_COMPLAINT, complaintId);
    }

    @Override
    public List<Assignment> completedForDealer(String dealerId, Instant from, Instant until) {
        return find(query(where("dealerId")
                .is(dealerId)
                .and("visit.completedAt")
                .gte(from)
                .lt(until)));
    }

    @Override
    public List<Assignment> ofMachine(String serialNumber) {
        return listed(OF_MACHINE, serialNumber);
    }

    @Override
    public List<Assignment> ofTechnician(String technicianId, PageRequest page) {
        return find(Keyset.query(where("technicianId").is(technicianId), DECIDED_AT, Sort.Direction.DESC, page));
    }

    @Override
    public List<Assignment> matching(ListAssignments.Filter filter, PageRequest page) {
        var criteria = new Criteria();
        if (filter.status() != null) {
            criteria.and("status").is(filter.status().name());
        }
        if (filter.technicianId() != null) {
            criteria.and("technicianId").is(filter.technicianId());
        }
        if (filter.dealerId() != null) {
            criteria.and("dealerId").is(filter.dealerId());
        }
        if (filter.from() != null || filter.to() != null) {
            var period = criteria.and(DECIDED_AT);
            if (filter.from() != null) {
                period.gte(filter.from());
            }
            if (filter.to() != null) {
                period.lt(filter.to());
            }
        }
        return find(Keyset.query(criteria, DECIDED_AT, Sort.Direction.ASC, page));
    }

    private List<Assignment> find(Query query) {
        return mongo.find(query, AssignmentDocument.class).stream()
                .map(AssignmentDocument::toAssignment)
                .toList();
    }
}
