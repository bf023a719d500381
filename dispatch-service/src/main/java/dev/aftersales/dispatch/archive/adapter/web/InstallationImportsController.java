package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.chassis.csv.CsvRows;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.archive.application.ImportJob;
import dev.aftersales.dispatch.archive.application.RowProblem;
import dev.aftersales.dispatch.archive.application.ShowImportJob;
import dev.aftersales.dispatch.archive.application.SubmitInstallationImport;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Installation files of any size up to the import limit ({@code aftersales.http.larger-bodies},
 * 64 MB): the upload is read as it arrives and kept in chunks, answered 202 with the job, which
 * loads it in the background. {@code GET} the job for its progress, and its rejected rows as CSV.
 */
@RestController
@RequestMapping("/api/archive/installation-imports")
@PreAuthorize("hasAnyRole('OPS','DISPATCHER')")
class InstallationImportsController {

    static final String PATH = "/api/archive/installation-imports";

    /**
     * @param rows the file's data rows
     * @param rowsRead rows loaded or rejected so far
     * @param added machines new to the archive
     * @param unchanged rows equal to what the archive holds
     * @param rejected rows not loaded, listed in {@code rejectedRows}
     */
    record ImportJobView(
            String id,
            ImportJob.State state,
            Instant submittedAt,
            Instant finishedAt,
            int rows,
            int rowsRead,
            int added,
            int unchanged,
            int rejected,
            String failure,
            String rejectedRows) {

        static ImportJobView of(ImportJob job) {
            return new ImportJobView(
                    job.id(),
                    job.state(),
                    job.submittedAt(),
                    job.finishedAt(),
                    job.rows(),
                    job.rowsRead(),
                    job.added(),
                    job.unchanged(),
                    job.rejected(),
                    job.failure(),
                    PATH + "/" + job.id() + "/rejected-rows");
        }
    }

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z]+): ");

    private final SubmitInstallationImport submit;
    private final ShowImportJob show;
    private final CurrentUser currentUser;

    InstallationImportsController(SubmitInstallationImport submit, ShowImportJob show, CurrentUser currentUser) {
        this.submit = submit;
        this.show = show;
        this.currentUser = currentUser;
    }

    /** CSV with a header row, charset from the Content-Type (UTF-8 when none): 202 and the job. */
    @PostMapping(consumes = "text/csv")
    ResponseEntity<ImportJobView> submit(
            InputStream body, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        ImportJob job;
        try (var csv = CsvRows.open(body, contentType)) {
            job = submit.submit(InstallationRows.fromCsvStream(csv), currentUser.caller());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(PATH + "/" + job.id()))
                .body(ImportJobView.of(job));
    }

    @GetMapping("/{jobId}")
    ImportJobView progress(@PathVariable String jobId) {
        return ImportJobView.of(show.show(jobId, currentUser.caller()));
    }

    /**
     * The rows not loaded, as CSV: the row number a spreadsheet shows, the field at fault (empty when
     * the row as a whole is), and the reason. Nothing but what the uploaded file held.
     */
    @GetMapping(path = "/{jobId}/rejected-rows", produces = "text/csv")
    ResponseEntity<String> rejectedRows(@PathVariable String jobId) {
        var csv = new StringBuilder("row,field,reason\r\n");
        for (var problem : show.rejectedRows(jobId, currentUser.caller())) {
            csv.append(problem.line())
                    .append(',')
                    .append(quoted(fieldOf(problem)))
                    .append(',')
                    .append(quoted(problem.reason()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"rejected-rows-" + jobId.replaceAll("[^A-Za-z0-9-]", "") + ".csv\"")
                .body(csv.toString());
    }

    private static String fieldOf(RowProblem problem) {
        var matcher = FIELD.matcher(problem.reason());
        return matcher.find() && InstallationRows.COLUMNS.contains(matcher.group(1)) ? matcher.group(1) : "";
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
