package dev.aftersales.dispatch.archive.application;

import java.time.Instant;

/**
 * An installations import running in the background: the uploaded rows are kept in numbered chunks,
 * and the job loads them in order, counting as it goes. {@code chunksDone} is the point it resumes
 * from after a restart; a chunk is counted only once its machines are written.
 *
 * @param submittedBy who uploaded the file (the token's subject)
 * @param dealerId the uploader's dealer when the token names one: only callers of that dealer see the job
 * @param rows the file's data rows
 * @param rowsRead rows of the chunks done
 * @param failure why the job stopped, when it is FAILED (never a row's content)
 */
public record ImportJob(
        String id,
        State state,
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
        String failure) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    static ImportJob submitted(String id, String submittedBy, String dealerId, Instant at, int rows, int chunks) {
        return new ImportJob(id, State.RUNNING, submittedBy, dealerId, at, rows, chunks, 0, 0, 0, 0, 0, null, null);
    }
}
