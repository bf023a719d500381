package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** A machine's record with its correction history, for the office that keeps the archive. */
@Service
public class ShowInstallationRecord {

    private final InstallationRecords records;

    ShowInstallationRecord(InstallationRecords records) {
        this.records = records;
    }

    public InstallationRecord show(String serialNumber, Caller caller) {
        if (!caller.hasAny(Role.DISPATCHER, Role.OPS)) {
            throw new AccessDeniedException("the archive's records are the office's");
        }
        return records.bySerialNumber(serialNumber)
                .orElseThrow(() -> new NotFoundException("no machine " + serialNumber + " in the archive"));
    }
}
