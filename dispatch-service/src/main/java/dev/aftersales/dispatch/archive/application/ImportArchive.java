package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.Dealers;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import dev.aftersales.dispatch.archive.domain.Technicians;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads dealers, technicians and installation records into the archive. Every row is an upsert by
 * its id, so importing the same batch again changes nothing and an import interrupted half-way can
 * simply be repeated. Technicians keep their current load.
 */
@Service
public class ImportArchive {

    private static final Logger log = LoggerFactory.getLogger(ImportArchive.class);

    private final Dealers dealers;
    private final Technicians technicians;
    private final Installations installations;
    private final ServicePoints servicePoints;

    ImportArchive(Dealers dealers, Technicians technicians, Installations installations, ServicePoints servicePoints) {
        this.dealers = dealers;
        this.technicians = technicians;
        this.installations = installations;
        this.servicePoints = servicePoints;
    }

    public ArchiveImported importBatch(ImportArchiveCommand command) {
        command.dealers().forEach(dealers::upsert);
        command.technicians().forEach(technicians::upsert);
        command.installations().forEach(installations::upsert);
        command.servicePoints().forEach(servicePoints::upsert);
        var imported = new ArchiveImported(
                command.dealers().size(),
                command.technicians().size(),
                command.installations().size(),
                command.servicePoints().size());
        log.info(
                "archive import: {} dealers, {} technicians, {} installations, {} service points",
                imported.dealers(),
                imported.technicians(),
                imported.installations(),
                imported.servicePoints());
        return imported;
    }
}
