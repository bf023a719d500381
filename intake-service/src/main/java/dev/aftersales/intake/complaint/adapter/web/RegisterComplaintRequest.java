package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Machine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The complaint form as the call-center software posts it. Everything bean validation can say is
 * said here, so one answer names every field at fault.
 */
record RegisterComplaintRequest(
        @NotNull @Valid CustomerPart customer,
        @NotNull @Valid MachinePart machine,
        LocalDate purchasedOn,
        @NotNull ComplaintKind kind,
        @NotNull Channel channel,
        @Size(max = 2000) String symptoms,
        @Size(max = 1000) String customerRequest) {

    record CustomerPart(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 5) List<@NotNull @PhoneNumber String> phones,
            @Size(max = 500) String address,
            @Size(max = 12) String regionCode) {}

    record MachinePart(
            @NotBlank @Size(max = 64) String serialNumber,
            @Size(max = 64) String model,
            @Size(max = 64) String spec,
            LocalDate productionDate,
            @Size(max = 64) String batchNumber) {}

    ComplaintForm toForm() {
        return new ComplaintForm(
                new Customer(customer.name(), customer.phones(), customer.address(), customer.regionCode()),
                new Machine(
                        machine.serialNumber(),
                        machine.model(),
                        machine.spec(),
                        machine.productionDate(),
                        machine.batchNumber()),
                purchasedOn,
                kind,
                channel,
                symptoms,
                customerRequest);
    }
}
