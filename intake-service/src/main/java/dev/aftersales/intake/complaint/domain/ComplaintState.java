package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
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
        List<TimelineEntry> timeline) {

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
            List<TimelineEntry> timeline) {
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
                timeline);
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
