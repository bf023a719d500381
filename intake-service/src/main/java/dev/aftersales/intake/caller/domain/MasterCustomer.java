package dev.aftersales.intake.caller.domain;

import java.util.List;

/**
 * A customer as dispatch's customer master last published them: the name and care tier the caller lookup
 * shows. Personal data: shown to the agent, never logged.
 *
 * @param mergedInto set when the master merged this customer into another: show that one
 * @param revision the master's revision: an older one never replaces a newer one
 */
public record MasterCustomer(
        String customerId,
        String name,
        List<String> phones,
        String tier,
        boolean consentToContact,
        String mergedInto,
        boolean erased,
        int revision) {

    public MasterCustomer {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
