package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads installation records row by row (from CSV or JSON): good rows load, bad rows are reported
 * by line. Idempotent by serial number: a row equal to the archive's record writes nothing, so the
 * same file imported again changes nothing; a later row of the same serial wins over an earlier one.
 */
@Service
public class ImportInstallations {

    private static final Logger log = LoggerFactory.getLogger(ImportInstallations.class);
    private static final int CHUNK = 500;

    private final Installations installations;

    ImportInstallations(Installations installations) {
        this.installations = installations;
    }

    public InstallationsImported importRows(List<ParsedRow> rows) {
        var rejected = new ArrayList<RowProblem>();
        var bySerial = new LinkedHashMap<String, Installation>();
        for (var row : rows) {
            if (row.problem() != null) {
                rejected.add(new RowProblem(row.line(), row.problem()));
            } else {
                bySerial.put(row.installation().serialNumber(), row.installation());
            }
        }
        var changed = new ArrayList<Installation>();
        for (var installation : bySerial.values()) {
            var current = installations.bySerialNumber(installation.serialNumber());
            if (current.isEmpty() || !current.get().equals(installation)) {
                changed.add(installation);
            }
        }
        for (int from = 0; from < changed.size(); from += CHUNK) {
            installations.upsertAll(changed.subList(from, Math.min(changed.size(), from + CHUNK)));
        }
        var good = rows.size() - rejected.size();
        var result = new InstallationsImported(rows.size(), changed.size(), good - changed.size(), rejected);
        log.info(
                "installations import: {} rows, {} loaded, {} unchanged, {} rejected",
                result.rows(),
                result.loaded(),
                result.unchanged(),
                rejected.size());
        return result;
    }
}
