package dev.aftersales.followup.care.domain;

import java.time.Instant;

/** A periodic proactive-care task: visit a key customer, call a medium one. */
public record CareTask(String id, String customerId, String kind, Instant dueAt, Instant createdAt) {}
