package dev.aftersales.dispatch.customer.domain;

import java.util.List;

/**
 * Everything a {@link Customer} knows besides their id, in one immutable value: the customer keeps it,
 * the store writes it. Personal data (name, phones, addresses, aliases): never logged.
 *
 * @param phones E.164, the key the customer was first met by first
 * @param tier the care tier a supervisor gave; null while none did (followup then keeps its own)
 * @param mergedInto the customer this one was merged into: this record is then only a pointer
 * @param mergedIds customers merged into this one (their ids stay valid in other services)
 * @param revision grows with every published change: consumers apply only newer revisions
 */
public record CustomerState(
        String name,
        List<String> phones,
        List<String> addresses,
        String tier,
        boolean consentToContact,
        List<Alias> aliases,
        String mergedInto,
        List<String> mergedIds,
        boolean erased,
        int revision) {

    public CustomerState {
        phones = phones == null ? List.of() : List.copyOf(phones);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        mergedIds = mergedIds == null ? List.of() : List.copyOf(mergedIds);
    }
}
