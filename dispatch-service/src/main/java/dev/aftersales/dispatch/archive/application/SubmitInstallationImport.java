package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.dispatch.DispatchProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Takes an installations file as it is uploaded and keeps its rows in chunks, then creates the job
 * that loads them ({@link RunInstallationImports}). Only a chunk's rows are in memory at a time. The
 * job exists only once every row is kept: an upload that breaks off leaves no job, and its chunks
 * are removed.
 */
@Service
public class SubmitInstallationImport {

    private final ImportJobs jobs;
    private final Clock clock;
    private final RunInstallationImports runner;
    private final int chunkRows;

    SubmitInstallationImport(
            ImportJobs jobs, RunInstallationImports runner, DispatchProperties properties, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        this.runner = runner;
        this.chunkRows = properties.imports().chunkRows();
    }

    /** @param rows the file's rows, read as they arrive */
    public ImportJob submit(Iterator<ParsedRow> rows, Caller caller) {
        if (!caller.hasAny(Role.OPS, Role.DISPATCHER)) {
            throw new AccessDeniedException("imports are the office's");
        }
        var id = UUID.randomUUID().toString();
        var seq = 0;
        var count = 0;
        try {
            var chunk = new ArrayList<ParsedRow>(chunkRows);
            while (rows.hasNext()) {
                chunk.add(rows.next());
                count++;
                if (chunk.size() == chunkRows) {
                    jobs.addChunk(id, seq++, chunk);
                    chunk = new ArrayList<>(chunkRows);
                }
            }
            if (!chunk.isEmpty()) {
                jobs.addChunk(id, seq++, chunk);
            }
        } catch (RuntimeException e) {
            jobs.discardChunks(id, seq);
            throw e;
        }
        var job = ImportJob.submitted(id, caller.userId(), caller.dealerId(), clock.instant(), count, seq);
        jobs.create(job);
        runner.wake();
        return job;
    }
}
