package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.SubjectKind;
import dev.aftersales.intake.complaint.application.TakeCallCommand;
import dev.aftersales.intake.complaint.application.TakeCallCommand.Matter;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Machine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The complaint form as the call-center software posts it. Everything bean validation can say is
 * said here, so one answer names every field at fault.
 *
 * @param settledByPhone true when the agent settled the case on this call by phone guidance; then
 *     {@code phoneGuidance} says what the customer was told
 * @param subject whom or what a QUALITY_COMPLAINT, FEE_DISPUTE or SERVICE_ATTITUDE is about (required
 *     for SERVICE_ATTITUDE; refused on service requests)
 * @param matter SAME: a repeat call on an open case of the machine; NEW: another matter, a new case;
 *     absent: the machine's open case of the same kind, if any, else a new case
 * @param relatedComplaintId the open case of the machine {@code matter} refers to
 * @param installation for an INSTALLATION of a machine not in the archive; without {@code
 *     machine.serialNumber} it must name model, purchase date and selling dealer
 */
@KindFacts
record RegisterComplaintRequest(
        @NotNull @Valid CustomerPart customer,
        @NotNull @Valid MachinePart machine,
        LocalDate purchasedOn,
        LocalDate installedOn,
        @NotNull ComplaintKind kind,
        @NotNull Channel channel,
        @Size(max = 2000) String symptoms,
        @Size(max = 100) String previousBrand,
        @Size(max = 1000) String recentUsage,
        @Size(max = 1000) String customerRequest,
        @Size(max = 64) String customerId,
        @Size(max = 32) String customerTier,
        Boolean settledByPhone,
        @Size(max = 2000) String phoneGuidance,
        @Valid SubjectPart subject,
        Matter matter,
        @Size(max = 64) String relatedComplaintId,
        @Valid InstallationPart installation) {

    record SubjectPart(
            @NotNull SubjectKind kind,
            @Size(max = 64) String id,
            @Size(max = 1000) String description) {
        CaseSubject toSubject() {
            return new CaseSubject(kind, id, description);
        }
    }

    record InstallationPart(
            @Size(max = 64) String model,
            @Size(max = 64) String productLine,
            LocalDate purchasedOn,
            @Size(max = 64) String sellingDealerId) {}

    record CustomerPart(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 5) List<@NotNull @PhoneNumber @Size(max = 20) String> phones,
            @Size(max = 500) String address,
            @Size(max = 12) String regionCode) {}

    record MachinePart(
            @Size(max = 64) String serialNumber,
            @Size(max = 64) String model,
            @Size(max = 64) String spec,
            LocalDate productionDate,
            @Size(max = 64) String batchNumber) {}

    /** Guidance settles a case only together with {@code settledByPhone}, and must then say something. */
    @AssertTrue(message = "is required when settledByPhone is true")
    boolean isPhoneGuidance() {
        return !Boolean.TRUE.equals(settledByPhone) || (phoneGuidance != null && !phoneGuidance.isBlank());
    }

    /** The guidance when the case was settled on this call, else null. */
    String guidanceGiven() {
        return Boolean.TRUE.equals(settledByPhone) ? phoneGuidance : null;
    }

    boolean serialKnown() {
        return machine != null
                && machine.serialNumber() != null
                && !machine.serialNumber().isBlank();
    }

    TakeCallCommand toCommand(String takenBy) {
        return new TakeCallCommand(
                toForm(),
                takenBy,
                guidanceGiven(),
                subject == null ? null : subject.toSubject(),
                matter,
                relatedComplaintId,
                installation == null
                        ? null
                        : new InstallationRequest(
                                installation.model() == null ? machine.model() : installation.model(),
                                installation.productLine(),
                                installation.purchasedOn() == null ? purchasedOn : installation.purchasedOn(),
                                installation.sellingDealerId(),
                                serialKnown()));
    }

    ComplaintForm toForm() {
        return new ComplaintForm(
                new Customer(customer.name(), customer.phones(), customer.address(), customer.regionCode()),
                new Machine(
                        // Replaced by NEW-<complaintId> when the case is registered.
                        serialKnown() ? machine.serialNumber() : TakeCallCommand.placeholderSerial(""),
                        machine.model(),
                        machine.spec(),
                        machine.productionDate(),
                        machine.batchNumber()),
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
