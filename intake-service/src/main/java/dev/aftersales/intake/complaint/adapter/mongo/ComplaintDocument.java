package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.CallRecord;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Machine;
import dev.aftersales.intake.complaint.domain.Priority;
import dev.aftersales.intake.complaint.domain.Resolution;
import dev.aftersales.intake.complaint.domain.SlaClocks;
import dev.aftersales.intake.complaint.domain.SlaDeadlines;
import dev.aftersales.intake.complaint.domain.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as stored. Calendar dates are kept as ISO strings ({@code 2024-03-01}): a date on a
 * nameplate has no time zone, and storing it as a midnight instant would shift it when the service
 * runs in another zone. {@code status}, {@code serialNumber}, {@code nextSlaDue} and
 * {@code answered} are derived and stored only so cases can be queried by them (the machine's open
 * case, the SLA sweep, the supervisor's list).
 */
@Document("complaints")
record ComplaintDocument(
        @Id String id,
        Customer customer,
        StoredMachine machine,
        String serialNumber,
        String purchasedOn,
        String installedOn,
        ComplaintKind kind,
        Channel channel,
        String symptoms,
        String previousBrand,
        String recentUsage,
        String customerRequest,
        String customerId,
        String customerTier,
        String takenBy,
        Instant registeredAt,
        SlaDeadlines sla,
        SlaClocks clocks,
        Instant nextSlaDue,
        boolean answered,
        ComplaintStatus status,
        Priority priority,
        boolean settledByPhone,
        int round,
        List<CallRecord> calls,
        Resolution resolution,
        List<TimelineEntry> timeline,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    record StoredMachine(String serialNumber, String model, String spec, String productionDate, String batchNumber) {}

    static ComplaintDocument of(Complaint complaint) {
        var form = complaint.form();
        var machine = form.machine();
        return new ComplaintDocument(
                complaint.id(),
                form.customer(),
                new StoredMachine(
                        machine.serialNumber(),
                        machine.model(),
                        machine.spec(),
                        text(machine.productionDate()),
                        machine.batchNumber()),
                machine.serialNumber(),
                text(form.purchasedOn()),
                text(form.installedOn()),
                form.kind(),
                form.channel(),
                form.symptoms(),
                form.previousBrand(),
                form.recentUsage(),
                form.customerRequest(),
                form.customerId(),
                form.customerTier(),
                complaint.takenBy(),
                complaint.registeredAt(),
                complaint.sla(),
                complaint.clocks(),
                complaint.nextSlaDue(),
                !complaint.clocks().firstAnswer().running(),
                complaint.status(),
                complaint.priority(),
                complaint.settledByPhone(),
                complaint.round(),
                complaint.calls(),
                complaint.resolution(),
                complaint.timeline(),
                complaint.version(),
                Outbox.of(complaint.events()));
    }

    Complaint toComplaint() {
        var form = new ComplaintForm(
                customer,
                new Machine(
                        machine.serialNumber(),
                        machine.model(),
                        machine.spec(),
                        date(machine.productionDate()),
                        machine.batchNumber()),
                date(purchasedOn),
                date(installedOn),
                kind,
                channel,
                symptoms,
                previousBrand,
                recentUsage,
                customerRequest,
                customerId,
                customerTier);
        return Complaint.restore(new Complaint.Snapshot(
                id,
                form,
                takenBy,
                registeredAt,
                sla,
                clocks,
                priority,
                settledByPhone,
                round,
                calls,
                resolution,
                timeline == null ? List.of() : timeline,
                version,
                Outbox.eventsOf(outbox)));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
