package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Warranty;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A technician (or the office) reports a new installation: the machine enters the archive, so its
 * installer is sent when it needs service, and {@code InstallationRecorded} is published with the
 * warranty's end dates for intake's caller lookup and followup's thank-you call.
 *
 * <p>Only a machine not yet in the archive can be reported, whoever asks (409 {@link
 * #ALREADY_ARCHIVED}): reporting an archived machine again would make the reporter its installer,
 * restart its warranty and change what the hotline sees. An archived record changes only through
 * {@link CorrectInstallation}. A technician reports for their own dealer, as the installer.
 */
@Service
public class RecordInstallation {

    public static final URI ALREADY_ARCHIVED = URI.create("urn:aftersales:problem:already-archived");

    private static final Logger log = LoggerFactory.getLogger(RecordInstallation.class);

    private final InstallationRecords records;
    private final WarrantyPolicy warranties;
    private final MachineCustomers machineCustomers;
    private final Clock clock;
    private final ZoneId businessZone;

    RecordInstallation(
            InstallationRecords records,
            WarrantyPolicy warranties,
            MachineCustomers machineCustomers,
            Clock clock,
            DispatchProperties properties) {
        this.machineCustomers = machineCustomers;
        this.businessZone = properties.businessZone();
        this.records = records;
        this.warranties = warranties;
        this.clock = clock;
    }

    public Warranty record(RecordInstallationCommand command, Caller caller) {
        var installerId = command.installerId();
        if (!caller.hasAny(Role.DISPATCHER, Role.OPS)) {
            if (!caller.has(Role.TECHNICIAN) || caller.technicianId() == null) {
                throw new AccessDeniedException("only technicians and the office report installations");
            }
            if (!command.dealerId().equals(caller.dealerId())) {
                throw new AccessDeniedException("a technician reports installations of their own dealer only");
            }
            if (installerId != null && !installerId.equals(caller.technicianId())) {
                throw new AccessDeniedException("a technician reports their own installations only");
            }
            installerId = caller.technicianId();
        }
        InstallationDates.futureDate(command.installedOn(), clock, businessZone).ifPresent(problem -> {
            throw new InvalidRequestException(List.of(problem));
        });
        if (records.bySerialNumber(command.serialNumber()).isPresent()) {
            throw alreadyArchived(command.serialNumber()); // before the customer master hears of the report
        }
        var customer = command.customer();
        if (customer != null) {
            // the master's customer of this phone, however the report named them
            customer = machineCustomers.inTheMaster(customer, command.site(), caller.userId());
        }
        var installation = new Installation(
                command.serialNumber(),
                command.model(),
                command.productLine(),
                customer == null ? null : customer.customerId(),
                command.dealerId(),
                installerId,
                command.installedOn() == null ? InstallationDates.today(clock, businessZone) : command.installedOn(),
                command.site());
        var warranty = warranties.warrantyOf(installation);
        if (!records.add(InstallationRecord.reported(installation, customer, warranty))) {
            throw alreadyArchived(command.serialNumber());
        }
        log.info("installation of {} recorded for dealer {}", installation.serialNumber(), installation.dealerId());
        return warranty;
    }

    private static ConflictException alreadyArchived(String serialNumber) {
        return new ConflictException(
                ALREADY_ARCHIVED,
                "machine " + serialNumber
                        + " is in the archive already; a dispatcher corrects its record with a reason");
    }
}
