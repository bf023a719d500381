package dev.aftersales.dispatch.customer.domain;

import java.time.Instant;

/**
 * Another name a customer's phone came with (a family member, a company's contact, a typo): on the merge
 * list until a supervisor decides whether it is this customer (MERGED) or someone else (KEPT_APART).
 *
 * @param fromCustomerId the customer id the row gave, when it gave another one
 */
public record Alias(String name, String fromCustomerId, Status status, Instant seenAt) {

    public enum Status {
        ON_MERGE_LIST,
        MERGED,
        KEPT_APART
    }

    Alias decided(Status decision) {
        return new Alias(name, fromCustomerId, decision, seenAt);
    }
}
