package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.chassis.csv.CsvTable;
import dev.aftersales.dispatch.archive.application.ArchiveImported;
import dev.aftersales.dispatch.archive.application.ImportArchive;
import dev.aftersales.dispatch.archive.application.ImportInstallations;
import dev.aftersales.dispatch.archive.application.InstallationsImported;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/archive")
@PreAuthorize("hasAnyRole('OPS','DISPATCHER')")
class ArchiveController {

    private final ImportArchive importArchive;
    private final ImportInstallations importInstallations;

    ArchiveController(ImportArchive importArchive, ImportInstallations importInstallations) {
        this.importArchive = importArchive;
        this.importInstallations = importInstallations;
    }

    /** Installation rows as CSV (charset from the Content-Type): good rows load, bad ones are reported by line. */
    @PostMapping(path = "/installations", consumes = "text/csv")
    InstallationsImported importCsv(
            @RequestBody byte[] csv, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        return importInstallations.importRows(InstallationRows.fromCsv(CsvTable.read(csv, contentType)));
    }

    /** The same rows as a JSON array of objects; bad ones are reported by position (from 1). */
    @PostMapping(path = "/installations", consumes = MediaType.APPLICATION_JSON_VALUE)
    InstallationsImported importJson(
            @RequestBody @Size(max = ArchiveImportRequest.MAX_ROWS)
                    List<@Size(max = 20) Map<@Size(max = 32) String, @Size(max = 500) String>> rows) {
        return importInstallations.importRows(InstallationRows.fromJson(rows));
    }

    @PostMapping("/import")
    ArchiveImported importArchive(@Valid @RequestBody ArchiveImportRequest request) {
        return importArchive.importBatch(request.toCommand());
    }
}
