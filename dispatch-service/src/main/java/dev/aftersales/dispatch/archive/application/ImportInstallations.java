package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads installation records row by row (from CSV or JSON): good rows load, bad rows are reported
 * by line. Idempotent by serial number: a row equal to the archive's record writes nothing, so the
 * same file imported again changes nothing; a later row of the same serial wins over an earlier one.
 * An import adds machines but never changes an archived one: a row that differs from the archive's
 * record is reported, because a record changes only through a correction with a reason. Each machine
 * added is announced with {@code InstallationRecorded} in its own write ({@link ImportArchive}).
 */
@Service
public class ImportInstallations {

    private static final Logger log = LoggerFactory.getLogger(ImportInstallations.class);
    private static final int CHUNK = 500;

    private final Installations installations;
    private final InstallationRecords records;
    private final WarrantyPolicy warranties;
    private final MachineCustomers machineCustomers;
    private final Clock clock;

    ImportInstallations(
            Installations installations,
            InstallationRecords records,
            WarrantyPolicy warranties,
            MachineCustomers machineCustomers,
            Clock clock) {
        this.installations = installations;
        this.records = records;
        this.warranties = warranties;
        this.machineCustomers = machineCustomers;
        this.clock = clock;
    }

    public InstallationsImported importRows(List<ParsedRow> rows) {
        var rejected = new ArrayList<RowProblem>();
        var bySerial = new LinkedHashMap<String, ParsedRow>();
        for (var row : rows) {
            if (row.problem() != null) {
                rejected.add(new RowProblem(row.line(), row.problem()));
            } else {
                bySerial.put(row.installation().serialNumber(), row);
            }
        }
        var added = new ArrayList<ImportedMachine>();
        var unchanged = 0;
        for (var row : bySerial.values()) {
            // under the customer id the master gives its phone, as the archive stored it the first time
            var machine = machineCustomers.known(row.machine());
            var installation = machine.installation();
            var current = installations.bySerialNumber(installation.serialNumber());
            if (current.isEmpty()) {
                added.add(machine);
            } else if (current.get().equals(installation)) {
                unchanged++;
            } else {
                rejected.add(new RowProblem(row.line(), ArchivedMachines.differs(installation.serialNumber())));
            }
        }
        for (int from = 0; from < added.size(); from += CHUNK) {
            addNew(added.subList(from, Math.min(added.size(), from + CHUNK)));
        }
        rejected.sort(Comparator.comparingInt(RowProblem::line));
        // Earlier rows of a serial that a later row replaced count as unchanged, as before.
        var result = new InstallationsImported(
                rows.size(), added.size(), rows.size() - rejected.size() - added.size(), rejected);
        log.info(
                "installations import: {} rows, {} loaded, {} unchanged, {} rejected",
                result.rows(),
                result.loaded(),
                result.unchanged(),
                rejected.size());
        return result;
    }

    /**
     * Writes machines new to the archive, each announced in its own write; one already archived
     * (also by a concurrent import) keeps its record. The one way rows enter the archive, for this
     * import and the import jobs ({@link RunInstallationImports}) alike.
     */
    void addNew(List<ImportedMachine> machines) {
        var today = LocalDate.now(clock);
        records.addAllNew(machineCustomers.attachedAll(machines, MachineCustomers.IMPORT).stream()
                .map(machine -> machine.toRecord(warranties, today))
                .toList());
    }

    /**
     * The rows' machines as the archive would store them: under the customer id the master gives each
     * phone, so a row imported again compares equal to its record.
     */
    List<ImportedMachine> asArchived(List<ImportedMachine> machines) {
        return machineCustomers.knownAll(machines);
    }
}
