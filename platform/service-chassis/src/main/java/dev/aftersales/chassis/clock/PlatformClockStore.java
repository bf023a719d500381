package dev.aftersales.chassis.clock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Where the local stack keeps its platform clock: one shared database of the local store (local
 * only, never in production) with the clock's current step and each service's report of the last
 * step it applied. Persisted with the store's snapshot, so a restarted stack goes on from the same
 * platform time; a new training run starts with a new data folder.
 */
final class PlatformClockStore {

    static final String DATABASE = "platform-clock";
    private static final String PLATFORM = "platform";

    /** A step of the clock: the {@code seq}-th change, taking platform time to wall time + offset. */
    record Step(long seq, long offsetMillis, Instant time, boolean advancing) {
        static final Step NONE = new Step(0, 0, null, false);
    }

    /** A service's report: the step it applied, what its sweeps did, whether it is settled, what falls due next. */
    record Report(
            String service,
            long seq,
            Instant appliedTime,
            Instant nextDueAt,
            boolean settled,
            Instant checkedAt,
            Map<String, Integer> acted) {}

    private final MongoCollection<Document> clock;
    private final MongoCollection<Document> reports;

    PlatformClockStore(MongoDatabaseFactory databases) {
        var database = databases.getMongoDatabase(DATABASE);
        this.clock = database.getCollection("clock");
        this.reports = database.getCollection("services");
    }

    Step current() {
        var doc = clock.find(new Document("_id", PLATFORM)).first();
        if (doc == null) {
            return Step.NONE;
        }
        return new Step(
                doc.get("seq", Number.class).longValue(),
                doc.get("offsetMillis", Number.class).longValue(),
                toInstant(doc.getDate("time")),
                Boolean.TRUE.equals(doc.getBoolean("advancing")));
    }

    void write(Step step) {
        clock.replaceOne(
                new Document("_id", PLATFORM),
                new Document("_id", PLATFORM)
                        .append("seq", step.seq())
                        .append("offsetMillis", step.offsetMillis())
                        .append("time", Date.from(step.time()))
                        .append("advancing", step.advancing()),
                new ReplaceOptions().upsert(true));
    }

    void advancing(boolean advancing) {
        clock.updateOne(new Document("_id", PLATFORM), Updates.set("advancing", advancing));
    }

    void report(Report report) {
        var acted = new Document();
        report.acted().forEach(acted::append);
        reports.replaceOne(
                new Document("_id", report.service()),
                new Document("_id", report.service())
                        .append("seq", report.seq())
                        .append("appliedTime", report.appliedTime() == null ? null : Date.from(report.appliedTime()))
                        .append("nextDueAt", report.nextDueAt() == null ? null : Date.from(report.nextDueAt()))
                        .append("settled", report.settled())
                        .append("checkedAt", Date.from(report.checkedAt()))
                        .append("acted", acted),
                new ReplaceOptions().upsert(true));
    }

    List<Report> reports() {
        var all = new ArrayList<Report>();
        for (var doc : reports.find()) {
            var acted = new java.util.LinkedHashMap<String, Integer>();
            var actedDoc = doc.get("acted", Document.class);
            if (actedDoc != null) {
                actedDoc.forEach((k, v) -> acted.put(k, ((Number) v).intValue()));
            }
            all.add(new Report(
                    doc.getString("_id"),
                    doc.get("seq", Number.class).longValue(),
                    toInstant(doc.getDate("appliedTime")),
                    toInstant(doc.getDate("nextDueAt")),
                    Boolean.TRUE.equals(doc.getBoolean("settled")),
                    toInstant(doc.getDate("checkedAt")),
                    acted));
        }
        return all;
    }

    Optional<Report> report(String service) {
        return reports().stream().filter(r -> r.service().equals(service)).findFirst();
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
