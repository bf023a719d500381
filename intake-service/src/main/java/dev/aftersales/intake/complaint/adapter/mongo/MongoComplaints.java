package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.chassis.paging.Keyset;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.time.DueTimes;
import dev.aftersales.intake.complaint.application.ListOverdueActions;
import dev.aftersales.intake.complaint.application.ListWaitingCases;
import dev.aftersales.intake.complaint.application.SearchCases;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Complaints in the {@code complaints} collection, one document per case. Reads and writes go by
 * {@code _id} (and {@code _id, version} for optimistic updates), both indexed; the SLA sweep and
 * the supervisor's list filter on stored derived fields.
 *
 * <p>The open case of a machine is asked on every call, so it must not scan: {@code machine_cases}
 * keeps, per serial number ({@code _id}), the ids of its cases not yet closed. The pointer is
 * written before the case, so a crash in between leaves an id that loads nothing and is skipped,
 * never a case the next call cannot find; whether a case is still open, and still about this
 * machine, is read from the case (a new case whose id clashed left that id in its machine's pointer).
 */
@Component
class MongoComplaints
        implements Complaints, SearchCases.CaseIndex, ListWaitingCases.WaitingCases, ListOverdueActions.OverdueCases {

    private static final String MACHINE_CASES = "machine_cases";
    private static final String CASE_IDS = "openCaseIds";
    private static final String REGISTERED_AT = "registeredAt";

    /** The equality fields of each search SearchCases lets through. */
    private static final List<List<String>> SEARCH_SHAPES = List.of(
            List.of(),
            List.of("phoneKeys"),
            List.of("phoneLast4"),
            List.of("serialNumber"),
            List.of("customerId"),
            List.of("takenBy"),
            List.of("status"),
            List.of("kind"),
            List.of("takenBy", "status"),
            List.of("takenBy", "kind"));

    private final ComplaintDocuments documents;
    private final MongoTemplate mongo;

    MongoComplaints(ComplaintDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        this.mongo = mongo;
        // For MongoDB proper (the embedded store ignores non-unique indexes): cases grow with every call.
        var indexes = mongo.indexOps(ComplaintDocument.class);
        // the SLA sweep's due cases, soonest first
        indexes.createIndex(new Index("nextSlaDue", Sort.Direction.ASC));
        // the action sweep's due cases, soonest first
        indexes.createIndex(new Index("nextActionDue", Sort.Direction.ASC));
        // cases with overdue actions (list and gauge)
        indexes.createIndex(new Index("overdueActions", Sort.Direction.ASC));
        // the supervisor's unanswered open cases, oldest first (and the oldest-waiting gauge)
        indexes.createIndex(new Index()
                .on("answered", Sort.Direction.ASC)
                .on("registeredAt", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC));
        // the gauges' counts of unanswered open cases, and of those past their first-answer time
        indexes.createIndex(new Index().on("answered", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        // the gauges' open cases per status
        indexes.createIndex(new Index("status", Sort.Direction.ASC));
        // the supervisor's waiting list, paged: oldest first, then by id (closed ones left out on the way)
        indexes.createIndex(new Index()
                .on("answered", Sort.Direction.ASC)
                .on(REGISTERED_AT, Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC));
        // the supervisor's overdue actions, paged: cases oldest first, then by id (those without on the way)
        indexes.createIndex(new Index()
                .on(REGISTERED_AT, Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC)
                .on("overdueActions", Sort.Direction.ASC));
        // the case search, newest first, by each filter it takes (SearchCases): equality, then (registeredAt, _id)
        for (var filter : SEARCH_SHAPES) {
            var index = new Index();
            filter.forEach(field -> index.on(field, Sort.Direction.ASC));
            indexes.createIndex(index.on(REGISTERED_AT, Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
        }
    }

    @Override
    public Optional<Complaint> find(String complaintId) {
        return documents.findById(complaintId).map(ComplaintDocument::toComplaint);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    @Override
    public void add(Complaint complaint) {
        mongo.upsert(
                machine(complaint.form().machine().serialNumber()),
                new Update().addToSet(CASE_IDS, complaint.id()),
                MACHINE_CASES);
        documents.insert(ComplaintDocument.of(complaint));
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when the case changed since it was read */
    @Override
    public void update(Complaint complaint) {
        documents.save(ComplaintDocument.of(complaint));
        if (!complaint.status().isOpen()) {
            mongo.updateFirst(
                    machine(complaint.form().machine().serialNumber()),
                    new Update().pull(CASE_IDS, complaint.id()),
                    MACHINE_CASES);
        }
    }

    @Override
    public List<Complaint> openBySerialNumber(String serialNumber) {
        var pointer = mongo.findOne(machine(serialNumber), org.bson.Document.class, MACHINE_CASES);
        if (pointer == null) {
            return List.of();
        }
        return pointer.getList(CASE_IDS, String.class).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(c -> c.status().isOpen())
                .filter(c -> c.form().machine().serialNumber().equals(serialNumber))
                .sorted(Comparator.comparing(Complaint::registeredAt))
                .toList();
    }

    private static Query machine(String serialNumber) {
        return Query.query(Criteria.where("_id").is(serialNumber));
    }

    @Override
    public List<String> slaDueBy(Instant now, int limit) {
        var query = Query.query(Criteria.where("nextSlaDue").lte(now))
                .with(Sort.by("nextSlaDue"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "complaints").stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    @Override
    public Optional<Instant> nextSlaDue() {
        return DueTimes.earliest(mongo, "complaints", "nextSlaDue");
    }

    @Override
    public Optional<Instant> nextActionDue() {
        return DueTimes.earliest(mongo, "complaints", "nextActionDue");
    }

    @Override
    public List<String> actionsDueBy(Instant now, int limit) {
        var query = Query.query(Criteria.where("nextActionDue").lte(now))
                .with(Sort.by("nextActionDue"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "complaints").stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    @Override
    public List<Complaint> search(SearchCases.Search search, PageRequest page) {
        var filter = new Criteria();
        if (search.phoneKey() != null) {
            filter.and("phoneKeys").is(search.phoneKey());
        }
        if (search.last4() != null) {
            filter.and("phoneLast4").is(search.last4());
        }
        if (search.serialNumber() != null) {
            filter.and("serialNumber").is(search.serialNumber());
        }
        if (search.customerId() != null) {
            filter.and("customerId").is(search.customerId());
        }
        if (search.agent() != null) {
            filter.and("takenBy").is(search.agent());
        }
        if (search.status() != null) {
            filter.and("status").is(search.status());
        }
        if (search.kind() != null) {
            filter.and("kind").is(search.kind());
        }
        if (search.from() != null || search.to() != null) {
            var period = filter.and(REGISTERED_AT);
            if (search.from() != null) {
                period.gte(search.from());
            }
            if (search.to() != null) {
                period.lt(search.to());
            }
        }
        return mongo
                .find(Keyset.query(filter, REGISTERED_AT, Sort.Direction.DESC, page), ComplaintDocument.class)
                .stream()
                .map(ComplaintDocument::toComplaint)
                .toList();
    }

    @Override
    public List<Complaint> withOverdueActions(PageRequest page) {
        return mongo
                .find(
                        Keyset.query(Criteria.where("overdueActions").gt(0), REGISTERED_AT, Sort.Direction.ASC, page),
                        ComplaintDocument.class)
                .stream()
                .map(ComplaintDocument::toComplaint)
                .toList();
    }

    @Override
    public List<Complaint> waiting(PageRequest page) {
        var filter = Criteria.where("answered")
                .is(false)
                .and("status")
                .nin(ComplaintStatus.CLOSED.name(), ComplaintStatus.CANCELLED.name());
        return mongo
                .find(Keyset.query(filter, REGISTERED_AT, Sort.Direction.ASC, page), ComplaintDocument.class)
                .stream()
                .map(ComplaintDocument::toComplaint)
                .toList();
    }
}
