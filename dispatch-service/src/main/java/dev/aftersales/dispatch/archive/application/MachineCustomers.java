package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.CustomerContact;
import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.customer.application.AttachCustomer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A machine's customer as the customer master knows them: where archive rows meet the master. */
@Component
class MachineCustomers {

    /** The audit's actor for rows of an import (the door's caller is audited by the door). */
    static final String IMPORT = "archive-import";

    private final AttachCustomer attachCustomer;

    MachineCustomers(AttachCustomer attachCustomer) {
        this.attachCustomer = attachCustomer;
    }

    /** The machine under the id the master already gives its customer; writes nothing. */
    ImportedMachine known(ImportedMachine machine) {
        if (machine.customer() == null) {
            return machine;
        }
        return machine.withCustomerId(attachCustomer.customerIdOf(contactOf(machine)));
    }

    /** The machine under its customer's id in the master, attaching (or recording) the customer first. */
    ImportedMachine attached(ImportedMachine machine, String actor) {
        if (machine.customer() == null) {
            return machine;
        }
        return machine.withCustomerId(attachCustomer.attach(contactOf(machine), actor));
    }

    /**
     * A reported, corrected or installed machine's customer under the master's id of their phone (their
     * own id when the master cannot key the phone), attaching (or recording) them first.
     */
    CustomerContact inTheMaster(CustomerContact customer, Site site, String actor) {
        var customerId = attachCustomer.attach(
                new AttachCustomer.Contact(
                        customer.customerId(), customer.name(), customer.phone(), site == null ? null : site.address()),
                actor);
        return new CustomerContact(customerId, customer.name(), customer.phone());
    }

    /** {@link #known} for many machines (an import's chunk): their phones read in one go. */
    List<ImportedMachine> knownAll(List<ImportedMachine> machines) {
        var withCustomer = machines.stream().filter(m -> m.customer() != null).toList();
        var ids = attachCustomer.customerIdsOf(
                withCustomer.stream().map(MachineCustomers::contactOf).toList());
        return underIds(machines, ids);
    }

    /** {@link #attached} for many machines (an import's chunk): new customers written together. */
    List<ImportedMachine> attachedAll(List<ImportedMachine> machines, String actor) {
        var withCustomer = machines.stream().filter(m -> m.customer() != null).toList();
        var ids = attachCustomer.attachAll(
                withCustomer.stream().map(MachineCustomers::contactOf).toList(), actor);
        return underIds(machines, ids);
    }

    /** The machines, those with a customer under the next of {@code ids} each. */
    private static List<ImportedMachine> underIds(List<ImportedMachine> machines, List<String> ids) {
        var result = new ArrayList<ImportedMachine>(machines.size());
        var next = ids.iterator();
        for (var machine : machines) {
            result.add(machine.customer() == null ? machine : machine.withCustomerId(next.next()));
        }
        return result;
    }

    private static AttachCustomer.Contact contactOf(ImportedMachine machine) {
        var site = machine.installation().site();
        return new AttachCustomer.Contact(
                machine.installation().customerId(),
                machine.customer().name(),
                machine.customer().phone(),
                site == null ? null : site.address());
    }
}
