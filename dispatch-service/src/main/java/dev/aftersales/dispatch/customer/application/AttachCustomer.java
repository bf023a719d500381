package dev.aftersales.dispatch.customer.application;

import dev.aftersales.chassis.contact.PhoneNumber;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.Customers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Attaches a machine's customer, as an installation or an import row gives them, to the customer master:
 * a phone the master knows is that customer's (whatever id or name the row gives: another name goes on
 * the merge list); a phone it does not know is a new customer, under the row's customer id if it gave one
 * that is not taken. A row without a phone the master can key stays as it is. Idempotent: the same row
 * again finds its customer and changes nothing.
 */
@Service
public class AttachCustomer {

    private static final ConflictRetry RETRY = ConflictRetry.upTo(5).alsoOnDuplicateKey();

    private final Customers customers;
    private final Clock clock;

    AttachCustomer(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** The contact of a machine's customer as a row or an installation gives it. */
    public record Contact(String customerId, String name, String phone, String address) {}

    /**
     * The customer id the master gives this contact's machine, without changing anything: the owner of
     * its phone, else the id it gave. For comparing a row with the archive before anything is written.
     */
    public String customerIdOf(Contact contact) {
        return PhoneNumber.key(contact.phone())
                .flatMap(customers::ownerOfPhone)
                .map(this::current)
                .orElse(contact.customerId());
    }

    /**
     * {@link #customerIdOf} for many contacts (an import's chunk), reading their phone keys in one go.
     *
     * @return the ids in the contacts' order
     */
    public List<String> customerIdsOf(List<Contact> contacts) {
        var keys = new ArrayList<Optional<String>>(contacts.size());
        var distinct = new HashSet<String>();
        for (var contact : contacts) {
            var key = PhoneNumber.key(contact.phone());
            keys.add(key);
            key.ifPresent(distinct::add);
        }
        var owners = customers.ownersOfPhones(distinct);
        var ids = new ArrayList<String>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            var owner = keys.get(i).map(owners::get);
            ids.add(owner.isPresent() ? current(owner.get()) : contacts.get(i).customerId());
        }
        return ids;
    }

    /**
     * {@link #attach} for many contacts (an import's chunk) with the writes of new customers batched: a
     * contact whose phone the master does not know, first in the batch with it, and whose customer id is
     * free becomes a new customer: their phone keys in one insert for all, then the customers in a
     * second. Every other contact (a known phone, a phone twice in the batch, a known customer id, a key
     * or an id taken meanwhile) is attached one by one afterwards, so it meets the customers this batch
     * recorded.
     *
     * @return the customer ids in the contacts' order
     */
    public List<String> attachAll(List<Contact> contacts, String actor) {
        var keys = new ArrayList<String>(contacts.size());
        var distinct = new HashSet<String>();
        var rowIds = new HashSet<String>();
        for (var contact : contacts) {
            var key = PhoneNumber.key(contact.phone()).orElse(null);
            keys.add(key);
            if (key != null) {
                distinct.add(key);
                if (contact.customerId() != null) {
                    rowIds.add(contact.customerId());
                }
            }
        }
        var owners = customers.ownersOfPhones(distinct);
        var known = customers.existing(rowIds);
        var now = clock.instant();
        var ids = new ArrayList<String>(contacts.size());
        var fresh = new LinkedHashMap<String, Customer>(); // by phone key
        var freshIds = new HashSet<String>();
        for (int i = 0; i < contacts.size(); i++) {
            var contact = contacts.get(i);
            var key = keys.get(i);
            var rowId = contact.customerId();
            if (key == null
                    || owners.containsKey(key)
                    || fresh.containsKey(key)
                    || rowId != null && (known.contains(rowId) || freshIds.contains(rowId))) {
                ids.add(null); // one by one, below
                continue;
            }
            var id = rowId != null ? rowId : newId();
            fresh.put(key, Customer.recorded(id, contact.name(), key, contact.address(), actor, now));
            freshIds.add(id);
            ids.add(id);
        }
        // The keys first, then the customers: a crash between leaves keys whose customer the next row
        // with that phone records (attachOnce), never a second customer for one phone.
        var claims = new HashMap<String, String>();
        fresh.forEach((key, customer) -> claims.put(key, customer.id()));
        var claimed = customers.claimPhones(claims);
        var added = customers.addAll(fresh.entrySet().stream()
                .filter(entry -> claimed.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .toList());
        for (int i = 0; i < contacts.size(); i++) {
            var key = keys.get(i);
            var batched = ids.get(i) != null && claimed.contains(key) && added.contains(ids.get(i));
            if (!batched) {
                ids.set(i, attach(contacts.get(i), actor));
            }
        }
        return ids;
    }

    /** @return the id of the customer the contact's machine belongs to (the row's own when the master cannot key it) */
    public String attach(Contact contact, String actor) {
        var key = PhoneNumber.key(contact.phone());
        if (key.isEmpty()) {
            return contact.customerId();
        }
        return RETRY.run(() -> attachOnce(contact, key.get(), actor));
    }

    private String attachOnce(Contact contact, String phoneKey, String actor) {
        var now = clock.instant();
        var owner = customers.ownerOfPhone(phoneKey).map(this::current);
        if (owner.isPresent()) {
            var customer = customers.find(owner.get()).orElse(null);
            if (customer == null) {
                // A key claimed by a batch that stopped before writing its customer: this row records them.
                if (!customers.add(
                        Customer.recorded(owner.get(), contact.name(), phoneKey, contact.address(), actor, now))) {
                    throw new org.springframework.dao.OptimisticLockingFailureException(
                            "customer " + owner.get() + " was added meanwhile");
                }
                return owner.get();
            }
            if (customer.attach(contact.name(), phoneKey, contact.address(), contact.customerId(), actor, now)) {
                customers.save(customer);
            }
            return customer.id();
        }
        var byId = contact.customerId() == null
                ? null
                : customers.find(contact.customerId()).orElse(null);
        if (byId != null && !byId.erased() && byId.mergedInto().isEmpty()) {
            // A known customer with a further phone: the customer first, then the key, so a crash between
            // leaves the phone on the customer and the next row with it claims the key.
            if (byId.attach(contact.name(), phoneKey, contact.address(), contact.customerId(), actor, now)) {
                customers.save(byId);
            }
            claim(phoneKey, byId.id());
            return byId.id();
        }
        var id = byId == null && contact.customerId() != null ? contact.customerId() : newId();
        var customer = Customer.recorded(id, contact.name(), phoneKey, contact.address(), actor, now);
        if (!customers.add(customer)) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "customer " + id + " was added meanwhile");
        }
        claim(phoneKey, id);
        return id;
    }

    /** Two rows with one new phone at once: the second finds the key taken and attaches to its owner on retry. */
    private void claim(String phoneKey, String customerId) {
        if (!customers.claimPhone(phoneKey, customerId)
                && !customers.ownerOfPhone(phoneKey).orElse("").equals(customerId)) {
            throw new org.springframework.dao.DuplicateKeyException("phone claimed meanwhile");
        }
    }

    /** The surviving customer of a merged one. */
    private String current(String customerId) {
        var id = customerId;
        for (int hops = 0; hops < 10; hops++) {
            var next = customers.find(id).flatMap(Customer::mergedInto);
            if (next.isEmpty()) {
                return id;
            }
            id = next.get();
        }
        return id;
    }

    private static String newId() {
        return "CU-"
                + UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }
}
