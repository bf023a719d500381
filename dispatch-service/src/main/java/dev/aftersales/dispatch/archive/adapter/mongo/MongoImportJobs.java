package dev.aftersales.dispatch.archive.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.dispatch.archive.application.ChunkOutcome;
import dev.aftersales.dispatch.archive.application.ImportJob;
import dev.aftersales.dispatch.archive.application.ImportJobs;
import dev.aftersales.dispatch.archive.application.ParsedRow;
import dev.aftersales.dispatch.archive.application.RowProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Jobs in {@code import_jobs}, their chunks in {@code import_chunks}; every write to a job is one guarded update. */
@Component
class MongoImportJobs implements ImportJobs {

    private final MongoTemplate mongo;

    /** Leases are between running instances: real time, whatever the business clock says. */
    private final WallClock wall;

    MongoImportJobs(MongoTemplate mongo, WallClock wall) {
        this.mongo = mongo;
        this.wall = wall;
        mongo.indexOps(ImportJobDocument.class)
                .createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on("leaseToken", Sort.Direction.ASC)
                        .unique()
                        .named("_id_leaseToken"));
        // The claim reads RUNNING jobs oldest first: on real MongoDB from this index; the embedded store
        // scans the (small) collection of jobs.
        mongo.indexOps(ImportJobDocument.class)
                .createIndex(new Index().on("state", Sort.Direction.ASC).on("submittedAt", Sort.Direction.ASC));
    }

    @Override
    public void addChunk(String jobId, int seq, List<ParsedRow> rows) {
        mongo.save(new ImportChunkDocument(ImportChunkDocument.id(jobId, seq), rows, null));
    }

    @Override
    public void discardChunks(String jobId, int chunks) {
        for (int seq = 0; seq < chunks; seq++) {
            mongo.remove(query(where("_id").is(ImportChunkDocument.id(jobId, seq))), ImportChunkDocument.class);
        }
    }

    @Override
    public void create(ImportJob job) {
        mongo.insert(ImportJobDocument.of(job));
    }

    @Override
    public Optional<ImportJob> find(String jobId) {
        return Optional.ofNullable(mongo.findById(jobId, ImportJobDocument.class))
                .map(ImportJobDocument::toJob);
    }

    @Override
    public Optional<Lease> claim(Duration lease) {
        var now = wall.instant();
        var leaseUntil = now.plus(lease);
        var running = mongo.find(
                query(where("state").is(ImportJob.State.RUNNING)).with(Sort.by("submittedAt")),
                ImportJobDocument.class);
        for (var job : running) {
            if (job.leaseUntil() != null && job.leaseUntil().isAfter(now)) {
                continue;
            }
            var token = UUID.randomUUID().toString();
            var claimed = mongo.findAndModify(
                    query(where("_id").is(job.id()).and("leaseToken").is(job.leaseToken())),
                    new Update().set("leaseToken", token).set("leaseUntil", leaseUntil),
                    FindAndModifyOptions.options().returnNew(true),
                    ImportJobDocument.class);
            if (claimed != null && claimed.state() == ImportJob.State.RUNNING) {
                return Optional.of(new Lease(claimed.toJob(), token));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Chunk> chunk(String jobId, int seq) {
        return Optional.ofNullable(mongo.findById(ImportChunkDocument.id(jobId, seq), ImportChunkDocument.class))
                .map(c -> new Chunk(seq, c.rows() == null ? List.of() : c.rows(), c.outcome()));
    }

    @Override
    public void decide(String jobId, int seq, ChunkOutcome outcome) {
        mongo.updateFirst(
                query(where("_id").is(ImportChunkDocument.id(jobId, seq))),
                new Update().set("outcome", outcome),
                ImportChunkDocument.class);
    }

    @Override
    public boolean advance(String jobId, String token, int seq, ChunkOutcome outcome, Duration lease) {
        var leaseUntil = wall.instant().plus(lease);
        var result = mongo.updateFirst(
                query(where("_id").is(jobId).and("leaseToken").is(token)),
                new Update()
                        .set("chunksDone", seq + 1)
                        .inc(
                                "rowsRead",
                                outcome.addedLines().size()
                                        + outcome.unchanged()
                                        + outcome.rejected().size())
                        .inc("added", outcome.addedLines().size())
                        .inc("unchanged", outcome.unchanged())
                        .inc("rejected", outcome.rejected().size())
                        .set("leaseUntil", leaseUntil),
                ImportJobDocument.class);
        return result.getModifiedCount() == 1;
    }

    @Override
    public boolean finish(String jobId, String token, ImportJob.State state, String failure) {
        var at = wall.instant();
        var result = mongo.updateFirst(
                query(where("_id").is(jobId).and("leaseToken").is(token)),
                new Update()
                        .set("state", state)
                        .set("failure", failure)
                        .set("finishedAt", at)
                        .set("leaseUntil", null),
                ImportJobDocument.class);
        if (result.getModifiedCount() != 1) {
            return false;
        }
        var chunks = mongo.findById(jobId, ImportJobDocument.class).chunks();
        for (int seq = 0; seq < chunks; seq++) {
            mongo.updateFirst(
                    query(where("_id").is(ImportChunkDocument.id(jobId, seq))),
                    new Update().unset("rows"),
                    ImportChunkDocument.class);
        }
        return true;
    }

    @Override
    public List<RowProblem> rejectedRows(String jobId) {
        var job = mongo.findById(jobId, ImportJobDocument.class);
        if (job == null) {
            return List.of();
        }
        var rejected = new ArrayList<RowProblem>();
        for (int seq = 0; seq < job.chunksDone(); seq++) {
            var chunk = mongo.findById(ImportChunkDocument.id(jobId, seq), ImportChunkDocument.class);
            if (chunk != null && chunk.outcome() != null) {
                rejected.addAll(chunk.outcome().rejected());
            }
        }
        return rejected;
    }
}
