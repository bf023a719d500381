package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.customer.application.AttachCustomer;
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

    private static AttachCustomer.Contact contactOf(ImportedMachine machine) {
        var site = machine.installation().site();
        return new AttachCustomer.Contact(
                machine.installation().customerId(),
                machine.customer().name(),
                machine.customer().phone(),
                site == null ? null : site.address());
    }
}
