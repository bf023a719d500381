package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Correction;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A dispatcher or operations corrects an archived machine's record (installer, installation date,
 * customer, site) and says why. The history keeps who changed what and when; {@code
 * InstallationCorrected} tells intake's caller lookup and followup. A correction that changes
 * nothing (e.g. sent again after a lost answer) records and publishes nothing.
 */
@Service
public class CorrectInstallation {

    /** The record after the request, and the history entry it made (empty: nothing changed). */
    public record Outcome(InstallationRecord record, Optional<Correction> correction) {}

    private static final Logger log = LoggerFactory.getLogger(CorrectInstallation.class);

    private final InstallationRecords records;
    private final Technicians technicians;
    private final WarrantyPolicy warranties;
    private final Clock clock;
    private final ZoneId businessZone;

    CorrectInstallation(
            InstallationRecords records,
            Technicians technicians,
            WarrantyPolicy warranties,
            Clock clock,
            DispatchProperties properties) {
        this.businessZone = properties.businessZone();
        this.records = records;
        this.technicians = technicians;
        this.warranties = warranties;
        this.clock = clock;
    }

    public Outcome correct(CorrectInstallationCommand command, Caller caller) {
        if (!caller.hasAny(Role.DISPATCHER, Role.OPS)) {
            throw new AccessDeniedException("only dispatchers and operations correct the archive");
        }
        var facts = command.facts();
        var problems = new ArrayList<FieldProblem>();
        if (command.reason() == null || command.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "must say why the record is corrected"));
        }
        if (facts.isEmpty()) {
            problems.add(
                    new FieldProblem("body", "must correct at least one of installerId, installedOn, customer, site"));
        }
        if (facts.installerId() != null && technicians.byId(facts.installerId()).isEmpty()) {
            problems.add(new FieldProblem("installerId", "is not a technician of the archive"));
        }
        InstallationDates.futureDate(facts.installedOn(), clock, businessZone).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        var record = records.bySerialNumber(command.serialNumber())
                .orElseThrow(() -> new NotFoundException("no machine " + command.serialNumber() + " in the archive"));
        var correction = record.correct(facts, command.reason().strip(), caller.userId(), clock.instant(), warranties);
        if (correction.isPresent()) {
            records.save(record);
            log.info(
                    "installation record of {} corrected ({}), revision {}",
                    record.serialNumber(),
                    correction.get().parts(),
                    correction.get().number());
        }
        return new Outcome(record, correction);
    }
}
