package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * An import job's progress and its rejected rows, for whoever may import. A job submitted with a
 * dealer's token is shown only to callers of that dealer; another caller gets 404, as for a job
 * that does not exist, so job ids tell nothing about other dealers' imports.
 */
@Service
public class ShowImportJob {

    private final ImportJobs jobs;

    ShowImportJob(ImportJobs jobs) {
        this.jobs = jobs;
    }

    public ImportJob show(String jobId, Caller caller) {
        return jobs.find(jobId)
                .filter(job -> maySee(job, caller))
                .orElseThrow(() -> new NotFoundException("no import job " + jobId));
    }

    /** The rows not loaded so far, in line order; complete once the job is DONE. */
    public List<RowProblem> rejectedRows(String jobId, Caller caller) {
        show(jobId, caller);
        return jobs.rejectedRows(jobId);
    }

    private static boolean maySee(ImportJob job, Caller caller) {
        return caller.hasAny(Role.OPS, Role.DISPATCHER)
                && (job.dealerId() == null || Objects.equals(job.dealerId(), caller.dealerId()));
    }
}
