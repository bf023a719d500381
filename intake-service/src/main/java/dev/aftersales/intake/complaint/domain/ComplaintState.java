package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.InstallationRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a {@link Complaint} knows besides its id, in one immutable value: what {@link
 * Complaint#snapshot} gives the store and {@link Complaint#restore} takes back. The complaint form's
 * fields stand side by side with the case's, as cases have been stored from the first version on;
 * {@link #form()} puts the form together again.
 *
 * @param clocks null in a case stored before SLA clocks were kept: all running
 * @param calls null in a case stored before the call log: none
 * @param resolution the complaint procedure's resolution, or null
 * @param timeline oldest first
 * @param subject whom or what a complaint-procedure case is about; null for service requests
 * @param relatedComplaintIds the machine's other cases (other matters) linked to this one; null when none
 * @param installation what an installation of a machine not yet archived is about; else null
 * @param goodwill compensations recorded on the case; null when none
 * @param cancellation why the case was cancelled or merged; null while it was not
 */
public record ComplaintState(
        Customer customer,
        Machine machine,
        LocalDate purchasedOn,
        LocalDate installedOn,
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
        Priority priority,
        boolean settledByPhone,
        int round,
        List<CallRecord> calls,
        Resolution resolution,
        List<TimelineEntry> timeline,
        CaseSubject subject,
        List<String> relatedComplaintIds,
        InstallationRequest installation,
        List<Goodwill> goodwill,
        Cancellation cancellation) {

    static ComplaintState of(
            ComplaintForm form,
            String takenBy,
            Instant registeredAt,
            SlaDeadlines sla,
            SlaClocks clocks,
            Priority priority,
            boolean settledByPhone,
            int round,
            List<CallRecord> calls,
            Resolution resolution,
            List<TimelineEntry> timeline,
            CaseSubject subject,
            List<String> relatedComplaintIds,
            InstallationRequest installation,
            List<Goodwill> goodwill,
            Cancellation cancellation) {
        return new ComplaintState(
                form.customer(),
                form.machine(),
                form.purchasedOn(),
                form.installedOn(),
                form.kind(),
                form.channel(),
                form.symptoms(),
                form.previousBrand(),
                form.recentUsage(),
                form.customerRequest(),
                form.customerId(),
                form.customerTier(),
                takenBy,
                registeredAt,
                sla,
                clocks,
                priority,
                settledByPhone,
                round,
                calls,
                resolution,
                timeline,
                subject,
                relatedComplaintIds,
                installation,
                goodwill,
                cancellation);
    }

    /** The complaint form as the agent filled it. */
    public ComplaintForm form() {
        return new ComplaintForm(
                customer,
                machine,
                purchasedOn,
                installedOn,
                kind,
                channel,
                symptoms,
                previousBrand,
                recentUsage,
                customerRequest,
                customerId,
                customerTier);
    }
}
