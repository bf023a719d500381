package dev.aftersales.intake.complaint.application;

import java.time.Instant;
import java.util.Optional;

/**
 * The answers given to calls posted with an idempotency key, so a retried POST gets the first
 * answer. A key is claimed before the work and completed after it.
 */
public interface CallReceipts {

    /** @return true when this caller now owns the key; false when it was claimed before */
    boolean claim(String key, Instant at);

    Optional<CallReceipt> find(String key);

    void complete(CallReceipt receipt);

    /** Gives a claimed key up again (the work failed), so a retry can do it. */
    void release(String key);
}
