package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A hotline agent registered a new case; its SLA clocks started at {@code registeredAt}.
 *
 * @param settledByPhone true when the agent settled the case by phone guidance (电话指导) during the
 *     call: dispatch sends nobody, followup still calls back (false when absent, so older events dispatch)
 * @param customerId the archive's customer, when the agent found the caller by lookup; else null
 * @param batchNumber the machine's production batch, for the manufacturer's quality report
 * @param subject whom or what a quality, fee or service-attitude complaint is about; null otherwise
 * @param relatedComplaintIds the machine's other open cases, linked to this one (another matter)
 * @param installation for an installation of a machine the archive does not know yet; else null
 */
public record ComplaintRegistered(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull ComplaintKind kind,
        @NotNull Channel channel,
        @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
        @Size(max = FieldLimits.CODE) String model,
        @Size(max = FieldLimits.TEXT) String symptoms,
        @Size(max = FieldLimits.TEXT) String customerRequest,
        @NotNull @Valid CaseContact contact,
        @NotBlank @Size(max = FieldLimits.USER_ID) String takenBy,
        @NotNull Instant registeredAt,
        @NotNull Instant firstAnswerDue,
        @NotNull Instant onSiteDue,
        @NotNull Instant resolutionDue,
        Priority priority,
        boolean settledByPhone,
        @Size(max = FieldLimits.ID) String customerId,
        @Size(max = FieldLimits.CODE) String batchNumber,
        @Valid CaseSubject subject,
        @Size(max = FieldLimits.LINES) List<@NotBlank @Size(max = FieldLimits.ID) String> relatedComplaintIds,
        @Valid InstallationRequest installation) {

    /** A case as the first versions registered it: no subject, no linked cases, no installation request. */
    public ComplaintRegistered(
            String complaintId,
            ComplaintKind kind,
            Channel channel,
            String serialNumber,
            String model,
            String symptoms,
            String customerRequest,
            CaseContact contact,
            String takenBy,
            Instant registeredAt,
            Instant firstAnswerDue,
            Instant onSiteDue,
            Instant resolutionDue,
            Priority priority,
            boolean settledByPhone,
            String customerId,
            String batchNumber) {
        this(
                complaintId,
                kind,
                channel,
                serialNumber,
                model,
                symptoms,
                customerRequest,
                contact,
                takenBy,
                registeredAt,
                firstAnswerDue,
                onSiteDue,
                resolutionDue,
                priority,
                settledByPhone,
                customerId,
                batchNumber,
                null,
                null,
                null);
    }

    /** The machine's other open cases this one is linked to; empty when none (older events). */
    public List<String> relatedComplaintIds() {
        return relatedComplaintIds == null ? List.of() : relatedComplaintIds;
    }

    /** A case that needs a visit, with normal priority and no archive links (the first version's fields). */
    public ComplaintRegistered(
            String complaintId,
            ComplaintKind kind,
            Channel channel,
            String serialNumber,
            String model,
            String symptoms,
            String customerRequest,
            CaseContact contact,
            String takenBy,
            Instant registeredAt,
            Instant firstAnswerDue,
            Instant onSiteDue,
            Instant resolutionDue) {
        this(
                complaintId,
                kind,
                channel,
                serialNumber,
                model,
                symptoms,
                customerRequest,
                contact,
                takenBy,
                registeredAt,
                firstAnswerDue,
                onSiteDue,
                resolutionDue,
                Priority.NORMAL,
                false,
                null,
                null);
    }
}
