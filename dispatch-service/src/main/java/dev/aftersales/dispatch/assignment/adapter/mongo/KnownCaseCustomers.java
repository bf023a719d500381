package dev.aftersales.dispatch.assignment.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.CaseCustomers;
import dev.aftersales.dispatch.archive.domain.CustomerContact;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The archive's view of a case's customer: the contact the hotline registered with the case. */
@Component
class KnownCaseCustomers implements CaseCustomers {

    private final KnownCases knownCases;

    KnownCaseCustomers(KnownCases knownCases) {
        this.knownCases = knownCases;
    }

    @Override
    public Optional<CustomerContact> of(String complaintId, String customerId) {
        return knownCases
                .byId(complaintId)
                .filter(known -> known.contact() != null)
                .map(known -> new CustomerContact(
                        customerId, known.contact().name(), known.contact().phone()));
    }
}
