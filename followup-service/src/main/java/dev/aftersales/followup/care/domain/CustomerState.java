package dev.aftersales.followup.care.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link Customer} knows besides their id, in one immutable value: the customer keeps
 * it, {@link Customer#snapshot} gives it to the store and {@link Customer#restore} takes it back. The
 * only place the customer's fields are listed.
 *
 * @param tasksCreated every care task ever created for the customer (numbers their ids)
 * @param tasks the latest of those tasks
 * @param withdrawnConsent true when the customer master says the customer does not want to be contacted
 *     (or erased them): no periodic care; absent (null) on customers stored before the master existed
 * @param masterRevision the customer master's revision last applied; null before any
 */
public record CustomerState(
        String tier,
        Instant lastContactAt,
        Instant nextCareAt,
        int tasksCreated,
        List<CareTask> tasks,
        Boolean withdrawnConsent,
        Integer masterRevision) {

    /** A customer first heard of: the default tier, no contact, no care due. */
    static final CustomerState NEW = new CustomerState(Customer.DEFAULT_TIER, null, null, 0, List.of());

    public CustomerState {
        tier = tier == null ? Customer.DEFAULT_TIER : tier;
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public CustomerState(
            String tier, Instant lastContactAt, Instant nextCareAt, int tasksCreated, List<CareTask> tasks) {
        this(tier, lastContactAt, nextCareAt, tasksCreated, tasks, null, null);
    }

    boolean mayBeContacted() {
        return !Boolean.TRUE.equals(withdrawnConsent);
    }

    CustomerState contactedAt(Instant lastContactAt) {
        return new CustomerState(
                tier, lastContactAt, nextCareAt, tasksCreated, tasks, withdrawnConsent, masterRevision);
    }

    CustomerState inTier(String tier, Instant nextCareAt) {
        return new CustomerState(
                tier, lastContactAt, nextCareAt, tasksCreated, tasks, withdrawnConsent, masterRevision);
    }

    CustomerState fromMaster(boolean withdrawnConsent, int masterRevision) {
        return new CustomerState(
                tier, lastContactAt, nextCareAt, tasksCreated, tasks, withdrawnConsent, masterRevision);
    }

    /** One more task created, the oldest beyond {@code kept} dropped; the next one due at {@code nextCareAt}. */
    CustomerState caredFor(CareTask task, Instant nextCareAt, int kept) {
        var latest = new ArrayList<>(tasks);
        latest.add(task);
        while (latest.size() > kept) {
            latest.remove(0);
        }
        return new CustomerState(
                tier, lastContactAt, nextCareAt, tasksCreated + 1, latest, withdrawnConsent, masterRevision);
    }
}
