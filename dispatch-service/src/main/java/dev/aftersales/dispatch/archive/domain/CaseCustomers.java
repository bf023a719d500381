package dev.aftersales.dispatch.archive.domain;

import java.util.Optional;

/**
 * The customer of a case dispatch knows, as the hotline registered them: the archive records a
 * machine installed on an installation case with them, so the hotline finds the caller by phone.
 */
public interface CaseCustomers {

    /** @param customerId the archive's customer id the installer reported, if any */
    Optional<CustomerContact> of(String complaintId, String customerId);
}
