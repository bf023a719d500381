package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.application.ImportJob;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import job with its lease: {@code leaseToken} changes with every claim, and every update of a
 * running job is guarded by {@code {_id, leaseToken}} (a unique index, so also an indexed lookup on
 * the embedded store).
 */
@Document("import_jobs")
record ImportJobDocument(
        @Id String id,
        ImportJob.State state,
        String submittedBy,
        String dealerId,
        Instant submittedAt,
        int rows,
        int chunks,
        int chunksDone,
        int rowsRead,
        int added,
        int unchanged,
        int rejected,
        Instant finishedAt,
        String failure,
        String leaseToken,
        Instant leaseUntil) {

    static final String UNCLAIMED = "unclaimed";

    static ImportJobDocument of(ImportJob job) {
        return new ImportJobDocument(
                job.id(),
                job.state(),
                job.submittedBy(),
                job.dealerId(),
                job.submittedAt(),
                job.rows(),
                job.chunks(),
                job.chunksDone(),
                job.rowsRead(),
                job.added(),
                job.unchanged(),
                job.rejected(),
                job.finishedAt(),
                job.failure(),
                UNCLAIMED,
                null);
    }

    ImportJob toJob() {
        return new ImportJob(
                id,
                state,
                submittedBy,
                dealerId,
                submittedAt,
                rows,
                chunks,
                chunksDone,
                rowsRead,
                added,
                unchanged,
                rejected,
                finishedAt,
                failure);
    }
}
