package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.application.ChunkOutcome;
import dev.aftersales.dispatch.archive.application.ParsedRow;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One chunk of an uploaded file, keyed {@code <job>/<seq>} so every read is by {@code _id}. The rows
 * (with whatever contact data the uploader sent) are dropped when the job ends; the outcome, with the
 * rejected rows' line numbers and reasons, stays for the report.
 */
@Document("import_chunks")
record ImportChunkDocument(@Id String id, List<ParsedRow> rows, ChunkOutcome outcome) {

    static String id(String jobId, int seq) {
        return jobId + "/" + seq;
    }
}
