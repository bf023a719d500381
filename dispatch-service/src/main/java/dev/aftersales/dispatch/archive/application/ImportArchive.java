package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.dispatch.archive.domain.Dealers;
import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads dealers, technicians and installation records into the archive. Every row is an upsert by
 * its id, so importing the same batch again changes nothing and an import interrupted half-way can
 * simply be repeated. Technicians keep their current load. Machines are only added: a batch with a
 * machine the archive holds with other facts is refused whole (a record changes only through a
 * correction with a reason, {@link CorrectInstallation}). Every machine added is announced with
 * {@code InstallationRecorded} in its own write, like one reported by its installer, so intake's caller
 * lookup, parts' planning and followup's lists see the whole installed base.
 */
@Service
public class ImportArchive {

    private static final Logger log = LoggerFactory.getLogger(ImportArchive.class);

    private final Dealers dealers;
    private final Technicians technicians;
    private final Installations installations;
    private final InstallationRecords records;
    private final ServicePoints servicePoints;
    private final WarrantyPolicy warranties;
    private final MachineCustomers machineCustomers;
    private final Clock clock;

    ImportArchive(
            Dealers dealers,
            Technicians technicians,
            Installations installations,
            InstallationRecords records,
            ServicePoints servicePoints,
            WarrantyPolicy warranties,
            MachineCustomers machineCustomers,
            Clock clock) {
        this.dealers = dealers;
        this.technicians = technicians;
        this.installations = installations;
        this.records = records;
        this.servicePoints = servicePoints;
        this.warranties = warranties;
        this.machineCustomers = machineCustomers;
        this.clock = clock;
    }

    public ArchiveImported importBatch(ImportArchiveCommand command) {
        var problems = new ArrayList<FieldProblem>();
        var added = new LinkedHashMap<String, ImportedMachine>(); // a later row of a serial wins
        for (int i = 0; i < command.installations().size(); i++) {
            var machine = machineCustomers.known(command.installations().get(i));
            var installation = machine.installation();
            var current = installations.bySerialNumber(installation.serialNumber());
            if (current.isEmpty()) {
                added.put(installation.serialNumber(), machine);
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
        var today = LocalDate.now(clock);
        records.addAllNew(added.values().stream()
                .map(machine -> machineCustomers
                        .attached(machine, MachineCustomers.IMPORT)
                        .toRecord(warranties, today))
                .toList());
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
