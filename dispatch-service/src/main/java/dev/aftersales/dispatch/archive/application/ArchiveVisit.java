package dev.aftersales.dispatch.archive.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.dispatch.SiteFacts;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.dispatch.archive.domain.CaseCustomers;
import dev.aftersales.dispatch.archive.domain.CorrectedFacts;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The archive follows the visits that change it, read back from dispatch's own topic (so only a
 * completion that was committed counts): an installation's machine enters the archive ({@code
 * InstallationRecorded}, warranty from the day installed, the case named for the thank-you call), its
 * customer the customer master's customer of the case's phone, as for a reported or imported machine;
 * a relocation moves the machine's site through a correction ("relocation, case …", history kept,
 * warranty unchanged). Idempotent by the event's id, kept in the record's own write.
 */
@Service
public class ArchiveVisit {

    private static final Logger log = LoggerFactory.getLogger(ArchiveVisit.class);

    /** A correction by a dispatcher may race the relocation: a fresh read settles it. */
    private static final ConflictRetry RELOCATIONS = ConflictRetry.upTo(5);

    private final InstallationRecords records;
    private final CaseCustomers customers;
    private final MachineCustomers machineCustomers;
    private final WarrantyPolicy warranties;
    private final MeterRegistry meters;

    ArchiveVisit(
            InstallationRecords records,
            CaseCustomers customers,
            MachineCustomers machineCustomers,
            WarrantyPolicy warranties,
            MeterRegistry meters) {
        this.records = records;
        this.customers = customers;
        this.machineCustomers = machineCustomers;
        this.warranties = warranties;
        this.meters = meters;
    }

    public void archive(ReceivedEvent<VisitCompleted> event) {
        var visit = event.payload();
        if (visit.installed() != null) {
            recordInstalled(event.id(), visit);
        } else if (visit.relocatedTo() != null) {
            relocate(event.id(), visit);
        }
    }

    private void recordInstalled(String eventId, VisitCompleted visit) {
        var facts = visit.installed();
        var serial = facts.serialNumber();
        var archived = records.bySerialNumber(serial);
        if (archived.isPresent()) {
            if (!archived.get().events().handled().contains(eventId)) {
                // Completion refuses an archived serial; only a race with another report gets here.
                log.warn(
                        "installation on case {}: machine {} is archived already, not recorded again",
                        visit.complaintId(),
                        serial);
                counted("installation", "ALREADY_ARCHIVED");
            }
            return;
        }
        var site = site(facts.site());
        // A redelivery after a crash before the record's write attaches again: the same phone, the same customer.
        var customer = customers
                .of(visit.complaintId(), facts.customerId())
                .map(contact -> machineCustomers.inTheMaster(contact, site, visit.technicianId()))
                .orElse(null);
        var installation = new Installation(
                serial,
                facts.model(),
                facts.productLine(),
                customer == null ? facts.customerId() : customer.customerId(),
                visit.dealerId(),
                visit.technicianId(),
                facts.installedOn(),
                site);
        var record = InstallationRecord.installedFor(
                visit.complaintId(), installation, customer, warranties.warrantyOf(installation));
        record.events().firstDelivery(eventId);
        if (records.add(record)) {
            counted("installation", "RECORDED");
            log.info("machine {} installed on case {} entered the archive", serial, visit.complaintId());
        }
    }

    private void relocate(String eventId, VisitCompleted visit) {
        RELOCATIONS.run(() -> {
            var found = records.bySerialNumber(visit.serialNumber());
            if (found.isEmpty()) {
                log.warn(
                        "relocation on case {}: machine {} is not in the archive",
                        visit.complaintId(),
                        visit.serialNumber());
                counted("relocation", "NOT_ARCHIVED");
                return;
            }
            var record = found.get();
            if (!record.events().firstDelivery(eventId)) {
                return;
            }
            var correction = record.correct(
                    new CorrectedFacts(null, null, null, site(visit.relocatedTo())),
                    "relocation, case " + visit.complaintId(),
                    visit.technicianId(),
                    visit.completedAt(),
                    warranties);
            records.save(record);
            counted("relocation", correction.isPresent() ? "MOVED" : "UNCHANGED");
        });
    }

    private static Site site(SiteFacts facts) {
        return facts == null
                ? null
                : new Site(facts.address(), facts.regionCode(), facts.latitude(), facts.longitude());
    }

    private void counted(String visit, String outcome) {
        Counter.builder("aftersales.archive.visits")
                .description("Installations and relocations the archive took from completed visits, by outcome")
                .tag("visit", visit)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
