package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.intake.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public class InMemoryKnownCases implements KnownCases {

    private final Map<String, KnownCase> byId = new LinkedHashMap<>();

    @Override
    public void remember(KnownCase known) {
        byId.putIfAbsent(known.complaintId(), known);
    }

    @Override
    public Optional<KnownCase> byId(String complaintId) {
        return Optional.ofNullable(byId.get(complaintId));
    }

    @Override
    public void changePriority(String complaintId, Priority priority) {
        byId.computeIfPresent(complaintId, (id, k) -> k.withPriority(priority));
    }

    @Override
    public void recordCalls(String complaintId, int callCount) {
        byId.computeIfPresent(complaintId, (id, k) -> k.withCalls(callCount));
    }
}
