package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Runs import jobs in the background, one chunk after the other. Per chunk: decide what it does
 * (new, unchanged or rejected rows) and keep that with the chunk, write its new machines (upserts
 * that only insert, each with its {@code InstallationRecorded} in the same write), then count the
 * chunk done and renew the lease. A crash between any two steps leaves a job that the next holder
 * resumes at the chunk not counted: machines written again are no-ops, so nothing is duplicated and
 * each machine is announced once. Rows are taken in file order: a later row of a serial already
 * loaded counts unchanged when equal and is rejected when it differs.
 */
@Service
public class RunInstallationImports implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunInstallationImports.class);
    private static final int ATTEMPTS = 5;

    private final ImportJobs jobs;
    private final Installations installations;
    private final ImportInstallations importer;

    private final Duration lease;
    private final Duration poll;
    private final java.util.Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile ScheduledExecutorService worker;
    private volatile boolean running;

    RunInstallationImports(
            ImportJobs jobs, Installations installations, ImportInstallations importer, DispatchProperties properties) {
        this.jobs = jobs;
        this.installations = installations;
        this.importer = importer;
        this.lease = properties.imports().lease();
        this.poll = properties.imports().poll();
    }

    /** Looks for work now rather than at the next poll; returns at once. */
    void wake() {
        var executor = worker;
        if (running && executor != null) {
            try {
                executor.execute(this::runAll);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping: the job waits for the next start
            }
        }
    }

    private void runAll() {
        try {
            while (running && runOne()) {
                // next job
            }
        } catch (RuntimeException e) {
            log.warn("import jobs could not be looked for: {}", e.toString());
        }
    }

    /** Claims one job and runs it as far as it gets; false when there was none to claim. */
    boolean runOne() {
        var claimed = jobs.claim(lease);
        if (claimed.isEmpty()) {
            return false;
        }
        var job = claimed.get().job();
        var token = claimed.get().token();
        try {
            run(job, token);
        } catch (RuntimeException e) {
            var attempts = failures.merge(job.id(), 1, Integer::sum);
            log.warn("import job {} failed at attempt {}: {}", job.id(), attempts, e.toString());
            if (attempts >= ATTEMPTS) {
                failures.remove(job.id());
                jobs.finish(
                        job.id(), token, ImportJob.State.FAILED, e.getClass().getSimpleName());
            }
        }
        return true;
    }

    private void run(ImportJob job, String token) {
        for (int seq = job.chunksDone(); seq < job.chunks(); seq++) {
            if (!running) {
                return; // like a crash: the lease runs out and the job is resumed from this chunk
            }
            var chunk = jobs.chunk(job.id(), seq).orElseThrow(() -> new IllegalStateException("chunk missing"));
            var outcome = chunk.outcome();
            if (outcome == null) {
                outcome = decide(chunk);
                jobs.decide(job.id(), seq, outcome);
            }
            var added = new HashSet<>(outcome.addedLines());
            importer.addNew(chunk.rows().stream()
                    .filter(row -> row.problem() == null && added.contains(row.line()))
                    .map(ParsedRow::machine)
                    .toList());
            if (!running) {
                return;
            }
            if (!jobs.advance(job.id(), token, seq, outcome, lease)) {
                log.info("import job {} was taken over by another instance at chunk {}", job.id(), seq);
                return;
            }
        }
        failures.remove(job.id());
        jobs.finish(job.id(), token, ImportJob.State.DONE, null);
        var done = jobs.find(job.id()).orElseThrow();
        log.info(
                "import job {}: {} rows, {} added, {} unchanged, {} rejected",
                done.id(),
                done.rowsRead(),
                done.added(),
                done.unchanged(),
                done.rejected());
    }

    /** Reads what the chunk's rows meet in two round trips: their serials in the archive, their phones in the master. */
    private ChunkOutcome decide(ImportJobs.Chunk chunk) {
        var added = new ArrayList<Integer>();
        var rejected = new ArrayList<RowProblem>();
        var unchanged = 0;
        var good = chunk.rows().stream().filter(row -> row.problem() == null).toList();
        var archived = importer.asArchived(good.stream().map(ParsedRow::machine).toList());
        var current = new HashMap<>(installations.bySerialNumbers(archived.stream()
                .map(machine -> machine.installation().serialNumber())
                .collect(Collectors.toSet())));
        var next = archived.iterator();
        for (var row : chunk.rows()) {
            if (row.problem() != null) {
                rejected.add(new RowProblem(row.line(), row.problem()));
                continue;
            }
            var installation = next.next().installation();
            var serial = installation.serialNumber();
            // rows of this chunk not yet written count as archived for the rows after them
            var earlier = current.get(serial);
            if (earlier == null) {
                added.add(row.line());
                current.put(serial, installation);
            } else if (earlier.equals(installation)) {
                unchanged++;
            } else {
                rejected.add(new RowProblem(row.line(), ArchivedMachines.differs(serial)));
            }
        }
        rejected.sort(Comparator.comparingInt(RowProblem::line));
        return new ChunkOutcome(added, unchanged, rejected);
    }

    @Override
    public void start() {
        running = true;
        var executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "installation-imports");
            t.setDaemon(true);
            return t;
        });
        worker = executor;
        executor.scheduleWithFixedDelay(this::runAll, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops between two steps of a chunk, holding the lease as a crashed instance would. */
    @Override
    public void stop() {
        running = false;
        ExecutorService executor = worker;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
