package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the agent writes on the complaint form (投诉登记表) while the customer is on the line.
 *
 * @param purchasedOn when the machine was bought, if the customer knows; decides warranty later
 * @param installedOn when it was installed, if the customer knows
 * @param previousBrand the brand the customer used before, if any
 * @param recentUsage how the machine was used lately (hours, load, moved…), in the customer's words
 * @param customerRequest what the customer wants done, in their words
 * @param customerId the archive's customer when the agent found the caller by lookup, else null
 * @param customerTier the customer's service tier (e.g. {@code KEY}), which may promise faster service; may be null
 */
public record ComplaintForm(
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
        String customerTier) {

    public ComplaintForm {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
    }

    /** The same form about the machine under another serial number (an installation's placeholder). */
    public ComplaintForm withSerialNumber(String serialNumber) {
        return new ComplaintForm(
                customer,
                new Machine(
                        serialNumber, machine.model(), machine.spec(), machine.productionDate(), machine.batchNumber()),
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

    /** The fields of the first version of the form. */
    public ComplaintForm(
            Customer customer,
            Machine machine,
            LocalDate purchasedOn,
            ComplaintKind kind,
            Channel channel,
            String symptoms,
            String customerRequest) {
        this(customer, machine, purchasedOn, null, kind, channel, symptoms, null, null, customerRequest, null, null);
    }
}
