package dev.aftersales.intake.caller.application;

import dev.aftersales.chassis.erasure.PersonalDataEraser;
import dev.aftersales.intake.caller.domain.MasterCustomer;
import dev.aftersales.intake.caller.domain.MasterCustomers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Dispatch's customer master erased a customer (PIPL, {@code CustomerErased}): intake finds the names and
 * phones it holds of them (its copy of the master, the archive copy's machines and the cases registered
 * under their customer id) and erases them from every intake document that is theirs: cases (with their
 * timeline and events waiting in the outbox), the archive copy, the phone keys. Case facts and ids stay.
 * Idempotent: a second delivery finds nothing left to erase.
 */
@Service
public class EraseCustomerData {

    private static final Logger log = LoggerFactory.getLogger(EraseCustomerData.class);

    /** Where intake holds customers' personal data. */
    public interface PersonalDataCopies {

        /** The names and phones intake's documents give for these customer ids. */
        Known knownOf(Set<String> customerIds);

        /** @return how many documents changed */
        int erase(PersonalDataEraser eraser);
    }

    public record Known(List<String> names, List<String> phones) {}

    private final MasterCustomers customers;
    private final PersonalDataCopies copies;

    EraseCustomerData(MasterCustomers customers, PersonalDataCopies copies) {
        this.customers = customers;
        this.copies = copies;
    }

    public void erase(String customerId, List<String> formerCustomerIds) {
        var ids = new HashSet<String>();
        ids.add(customerId);
        if (formerCustomerIds != null) {
            ids.addAll(formerCustomerIds);
        }
        var known = copies.knownOf(ids);
        var names = new ArrayList<>(known.names());
        var phones = new ArrayList<>(known.phones());
        for (var id : ids) {
            customers.find(id).ifPresent(c -> {
                names.add(c.name());
                phones.addAll(c.phones());
            });
        }
        var changed = copies.erase(new PersonalDataEraser(names, phones, ids));
        var tier = customers.find(customerId).map(MasterCustomer::tier).orElse(null);
        customers.put(new MasterCustomer(customerId, null, List.of(), tier, false, null, true, Integer.MAX_VALUE));
        log.info("customer {} erased: {} intake documents changed", customerId, changed);
    }
}
