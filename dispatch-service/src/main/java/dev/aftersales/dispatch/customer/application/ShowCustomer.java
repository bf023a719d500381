package dev.aftersales.dispatch.customer.application;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.contact.PhoneNumber;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.Customers;
import java.util.List;
import org.springframework.stereotype.Service;

/** A customer of the master by id, or by a phone however it was typed (one read by key). */
@Service
public class ShowCustomer {

    private final Customers customers;

    ShowCustomer(Customers customers) {
        this.customers = customers;
    }

    /** The customer as stored: a merged one names the customer it now is. */
    public Customer byId(String customerId) {
        return CustomerLookup.existing(customers, customerId);
    }

    /** The customer the phone belongs to (the surviving one after a merge); empty when none. */
    public List<Customer> byPhone(String phone) {
        var key = PhoneNumber.key(phone)
                .orElseThrow(() -> new InvalidRequestException(
                        "phone", "must be a Chinese mobile number or a landline with its area code"));
        return customers.ownerOfPhone(key).map(id -> CustomerLookup.surviving(customers, id)).stream()
                .toList();
    }
}
