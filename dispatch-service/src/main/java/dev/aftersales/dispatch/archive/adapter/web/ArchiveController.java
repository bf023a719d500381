package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.dispatch.archive.application.ArchiveImported;
import dev.aftersales.dispatch.archive.application.ImportArchive;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/archive")
@PreAuthorize("hasAnyRole('OPS','DISPATCHER')")
class ArchiveController {

    private final ImportArchive importArchive;

    ArchiveController(ImportArchive importArchive) {
        this.importArchive = importArchive;
    }

    @PostMapping("/import")
    ArchiveImported importArchive(@Valid @RequestBody ArchiveImportRequest request) {
        return importArchive.importBatch(request.toCommand());
    }
}
