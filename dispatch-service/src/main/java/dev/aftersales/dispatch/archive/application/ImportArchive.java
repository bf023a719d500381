package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.dispatch.archive.domain.Dealers;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import dev.aftersales.dispatch.archive.domain.Technicians;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads dealers, technicians and installation records into the archive. Every row is an upsert by
 * its id, so importing the same batch again changes nothing and an import interrupted half-way can
 * simply be repeated. Technicians keep their current load. Machines are only added: a batch with a
 * machine the archive holds with other facts is refused whole (a record changes only through a
 * correction with a reason, {@link CorrectInstallation}).
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
        var problems = new ArrayList<FieldProblem>();
        var added = new LinkedHashMap<String, Installation>(); // a later row of a serial wins
        for (int i = 0; i < command.installations().size(); i++) {
            var installation = command.installations().get(i);
            var current = installations.bySerialNumber(installation.serialNumber());
            if (current.isEmpty()) {
                added.put(installation.serialNumber(), installation);
            } else if (!current.get().equals(installation)) {
                problems.add(new FieldProblem(
                        "installations[" + i + "]", ArchivedMachines.differs(installation.serialNumber())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems); // before anything is written, like every other bad row
        }
        command.dealers().forEach(dealers::upsert);
        command.technicians().forEach(technicians::upsert);
        installations.addAll(List.copyOf(added.values()));
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
