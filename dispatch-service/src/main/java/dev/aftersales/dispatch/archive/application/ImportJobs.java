package dev.aftersales.dispatch.archive.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Import jobs and their chunks of rows. A job is run by whoever holds its lease: claiming is a
 * guarded update, so two instances never run one job, and a job whose holder stopped is taken over
 * once the lease has run out.
 */
public interface ImportJobs {

    /** A chunk of an upload, kept before its job exists (an upload that fails leaves no job). */
    void addChunk(String jobId, int seq, List<ParsedRow> rows);

    /** Removes the chunks of an upload that failed before its job was created. */
    void discardChunks(String jobId, int chunks);

    void create(ImportJob job);

    Optional<ImportJob> find(String jobId);

    /**
     * Takes a RUNNING job nobody holds (or whose holder's lease ran out), for {@code lease}. Leases are
     * between running instances: the store measures them in real (wall) time, whatever the business clock says.
     *
     * @return the job and the lease token its holder passes to every later update
     */
    Optional<Lease> claim(Duration lease);

    record Lease(ImportJob job, String token) {}

    /** A chunk's rows and, when it was decided before, its outcome. */
    Optional<Chunk> chunk(String jobId, int seq);

    record Chunk(int seq, List<ParsedRow> rows, ChunkOutcome outcome) {}

    void decide(String jobId, int seq, ChunkOutcome outcome);

    /**
     * Counts a chunk as done and renews the lease.
     *
     * @return false when the lease was lost to another instance: the holder stops
     */
    boolean advance(String jobId, String token, int seq, ChunkOutcome outcome, Duration lease);

    /** Ends the job; its chunks' rows are dropped, the rejected rows kept for the report. */
    boolean finish(String jobId, String token, ImportJob.State state, String failure);

    /** The rejected rows of the chunks done, in line order. */
    List<RowProblem> rejectedRows(String jobId);
}
