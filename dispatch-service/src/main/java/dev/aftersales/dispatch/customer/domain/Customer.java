package dev.aftersales.dispatch.customer.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.dispatch.CustomerChanged;
import dev.aftersales.contracts.dispatch.CustomerErased;
import dev.aftersales.contracts.dispatch.CustomerRecorded;
import dev.aftersales.contracts.dispatch.CustomersMerged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer of the archive's customer master (用户档案), met by their phone: a row or an installation
 * with a phone the master knows belongs to that customer, whatever name it gives (another name goes on
 * the merge list as an alias). Changes, merges and erasure are audited and published on {@code
 * dispatch.customers.v1} in the same single-document write, so intake's lookup and followup's care lists
 * follow the master. Audit entries carry ids and counts, never the personal data itself.
 */
public final class Customer {

    private final String id;
    private CustomerState state;
    private final Long version;
    private final AggregateEvents events;

    private Customer(String id, CustomerState state, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.state = Objects.requireNonNull(state, "state");
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    /** A customer first met by {@code phoneKey} (E.164): consent to be contacted until they withdraw it. */
    public static Customer recorded(String id, String name, String phoneKey, String address, String actor, Instant at) {
        var state = new CustomerState(
                name,
                List.of(phoneKey),
                address == null ? List.of() : List.of(address),
                null,
                true,
                List.of(),
                null,
                List.of(),
                false,
                0);
        var customer = new Customer(id, state, null, new AggregateEvents());
        // a customer id is recorded once (an erased customer keeps it)
        customer.events.raiseOnce(
                new CustomerRecorded(id, name, state.phones(), null, true, at), id, "dispatch/CustomerRecorded/" + id);
        customer.events.audit("customer.recorded", actor, id, Map.of("phones", "1"), at);
        return customer;
    }

    public static Customer restore(String id, CustomerState state, Long version, AggregateEvents events) {
        return new Customer(id, state, version, events);
    }

    /**
     * A row or an installation named this customer's phone (or their id): a phone the master did not
     * know is a further phone, an address a further address, a name other than theirs an alias on the
     * merge list. Repeating a row changes nothing.
     *
     * @param rowCustomerId the customer id the row gave, kept with an alias when it differs
     * @return whether anything changed (to be saved)
     */
    public boolean attach(
            String name, String phoneKey, String address, String rowCustomerId, String actor, Instant at) {
        if (state.erased() || state.mergedInto() != null) {
            return false;
        }
        var phones = new ArrayList<>(state.phones());
        var addresses = new ArrayList<>(state.addresses());
        var aliases = new ArrayList<>(state.aliases());
        var customerName = state.name();
        var published = false;
        if (phoneKey != null && !phones.contains(phoneKey)) {
            phones.add(phoneKey);
            published = true;
        }
        if (address != null && !address.isBlank() && !addresses.contains(address)) {
            addresses.add(address);
        }
        var aliasAdded = false;
        if (name != null && !name.isBlank() && !name.equals(customerName)) {
            if (customerName == null) {
                customerName = name;
                published = true;
            } else if (aliases.stream().noneMatch(alias -> alias.name().equals(name))) {
                aliases.add(new Alias(
                        name,
                        Objects.equals(rowCustomerId, id) ? null : rowCustomerId,
                        Alias.Status.ON_MERGE_LIST,
                        at));
                aliasAdded = true;
            }
        }
        var changed =
                published || aliasAdded || addresses.size() != state.addresses().size();
        if (!changed) {
            return false;
        }
        state = new CustomerState(
                customerName,
                phones,
                addresses,
                state.tier(),
                state.consentToContact(),
                aliases,
                null,
                state.mergedIds(),
                false,
                published ? state.revision() + 1 : state.revision());
        if (published) {
            raiseChanged(at);
        }
        events.audit(
                "customer.attached",
                actor,
                id,
                Map.of(
                        "phones", String.valueOf(phones.size()),
                        "aliasesOnMergeList", String.valueOf(onMergeList().size())),
                at);
        return true;
    }

    /**
     * A supervisor sets the customer's name, care tier or consent to be contacted (null: unchanged).
     *
     * @return whether anything changed
     */
    public boolean change(String name, String tier, Boolean consentToContact, String actor, Instant at) {
        requireCurrent();
        var changed = new LinkedHashMap<String, String>();
        var newName = state.name();
        if (name != null && !name.equals(state.name())) {
            newName = name;
            changed.put("name", "changed"); // the audit names the field, not the name
        }
        var newTier = state.tier();
        if (tier != null && !tier.equals(state.tier())) {
            newTier = tier;
            changed.put("tier", tier);
        }
        var consent = state.consentToContact();
        if (consentToContact != null && consentToContact != consent) {
            consent = consentToContact;
            changed.put("consentToContact", String.valueOf(consent));
        }
        if (changed.isEmpty()) {
            return false;
        }
        state = new CustomerState(
                newName,
                state.phones(),
                state.addresses(),
                newTier,
                consent,
                state.aliases(),
                null,
                state.mergedIds(),
                false,
                state.revision() + 1);
        raiseChanged(at);
        events.audit("customer.changed", actor, id, changed, at);
        return true;
    }

    /**
     * A supervisor decides an alias on the merge list: the same person ({@link Alias.Status#MERGED}) or
     * someone else sharing the phone ({@link Alias.Status#KEPT_APART}, not shown as this customer's name).
     *
     * @return false when the alias had that decision already
     * @throws IllegalArgumentException when the customer has no such alias
     */
    public boolean decideAlias(String name, Alias.Status decision, String actor, Instant at) {
        requireCurrent();
        if (decision == Alias.Status.ON_MERGE_LIST) {
            throw new IllegalArgumentException("a decision is MERGED or KEPT_APART");
        }
        var aliases = new ArrayList<>(state.aliases());
        for (int i = 0; i < aliases.size(); i++) {
            var alias = aliases.get(i);
            if (alias.name().equals(name)) {
                if (alias.status() == decision) {
                    return false;
                }
                aliases.set(i, alias.decided(decision));
                state = withAliases(aliases);
                events.audit(
                        "customer.alias-decided",
                        actor,
                        id,
                        Map.of("alias", String.valueOf(i + 1), "decision", decision.name()),
                        at);
                return true;
            }
        }
        throw new IllegalArgumentException("no such alias");
    }

    /**
     * {@code other} is this customer: their phones, addresses and names come over (their name as a merged
     * alias), and they become a pointer here ({@link #mergedInto}). Raises {@link CustomersMerged}.
     */
    public void absorb(Customer other, String actor, Instant at) {
        requireCurrent();
        other.requireCurrent();
        if (other.id.equals(id)) {
            throw new IllegalArgumentException("a customer is not merged into themselves");
        }
        var phones = new ArrayList<>(state.phones());
        other.state.phones().stream().filter(p -> !phones.contains(p)).forEach(phones::add);
        var addresses = new ArrayList<>(state.addresses());
        other.state.addresses().stream().filter(a -> !addresses.contains(a)).forEach(addresses::add);
        var aliases = new ArrayList<>(state.aliases());
        if (other.state.name() != null && !other.state.name().equals(state.name())) {
            aliases.add(new Alias(other.state.name(), other.id, Alias.Status.MERGED, at));
        }
        other.state.aliases().stream()
                .filter(a -> aliases.stream().noneMatch(b -> b.name().equals(a.name())))
                .forEach(aliases::add);
        var mergedIds = new ArrayList<>(state.mergedIds());
        mergedIds.add(other.id);
        mergedIds.addAll(other.state.mergedIds());
        state = new CustomerState(
                state.name() == null ? other.state.name() : state.name(),
                phones,
                addresses,
                state.tier() == null ? other.state.tier() : state.tier(),
                state.consentToContact() && other.state.consentToContact(),
                aliases,
                null,
                mergedIds,
                false,
                state.revision() + 1);
        events.raise(
                new CustomersMerged(
                        id,
                        other.id,
                        state.revision(),
                        state.name(),
                        state.phones(),
                        state.tier(),
                        state.consentToContact(),
                        at),
                id);
        events.audit("customer.merged", actor, id, Map.of("merged", other.id), at);
        other.state = new CustomerState(
                null,
                List.of(),
                List.of(),
                null,
                other.state.consentToContact(),
                List.of(),
                id,
                other.state.mergedIds(),
                false,
                other.state.revision() + 1);
        other.events.audit("customer.merged-into", actor, other.id, Map.of("into", id), at);
    }

    /**
     * Erases the customer's personal data on their request (PIPL): name, phones, addresses and aliases go,
     * the id stays (cases, machines and tasks keep pointing at it). Raises {@link CustomerErased}, which
     * every service that holds a copy acts on.
     *
     * @return false when the customer was erased before (nothing changes, nothing is published again)
     */
    public boolean erase(String actor, Instant at) {
        if (state.erased()) {
            return false;
        }
        state = new CustomerState(
                null,
                List.of(),
                List.of(),
                state.tier(),
                false,
                List.of(),
                state.mergedInto(),
                state.mergedIds(),
                true,
                state.revision() + 1);
        events.raise(new CustomerErased(id, state.mergedIds(), at), id);
        events.audit(
                "customer.erased",
                actor,
                id,
                Map.of("formerCustomerIds", String.valueOf(state.mergedIds().size())),
                at);
        return true;
    }

    /** The names on the merge list, waiting for a supervisor's decision. */
    public List<Alias> onMergeList() {
        return state.aliases().stream()
                .filter(alias -> alias.status() == Alias.Status.ON_MERGE_LIST)
                .toList();
    }

    private void raiseChanged(Instant at) {
        events.raise(
                new CustomerChanged(
                        id, state.revision(), state.name(), state.phones(), state.tier(), state.consentToContact(), at),
                id);
    }

    private CustomerState withAliases(List<Alias> aliases) {
        return new CustomerState(
                state.name(),
                state.phones(),
                state.addresses(),
                state.tier(),
                state.consentToContact(),
                aliases,
                state.mergedInto(),
                state.mergedIds(),
                state.erased(),
                state.revision());
    }

    private void requireCurrent() {
        if (state.erased()) {
            throw new CustomerGoneException(id, "was erased");
        }
        if (state.mergedInto() != null) {
            throw new CustomerGoneException(id, "was merged into " + state.mergedInto());
        }
    }

    public String id() {
        return id;
    }

    public CustomerState snapshot() {
        return state;
    }

    public Optional<String> mergedInto() {
        return Optional.ofNullable(state.mergedInto());
    }

    public boolean erased() {
        return state.erased();
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
