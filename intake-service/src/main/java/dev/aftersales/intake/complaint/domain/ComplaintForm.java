package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the agent writes on the complaint form (投诉登记表) while the customer is on the line.
 *
 * @param purchasedOn when the machine was bought or installed, if the customer knows; decides warranty later
 * @param customerRequest what the customer wants done, in their words
 */
public record ComplaintForm(
        Customer customer,
        Machine machine,
        LocalDate purchasedOn,
        ComplaintKind kind,
        Channel channel,
        String symptoms,
        String customerRequest) {

    public ComplaintForm {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
    }
}
