package dev.aftersales.chassis.events;

import dev.aftersales.contracts.EventCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The events a capability consumes and who handles each. Every capability that consumes declares
 * one bean of this type in its {@code adapter/kafka} package; the chassis merges them, subscribes
 * to the topics they imply and skips every other event type it finds there. When two capabilities
 * handle one type, each handler runs in turn: each must be idempotent on its own, since a retry after
 * the second one failed runs the first again.
 */
public final class EventSubscriptions {

    /** @param together null when the type's events are handled one by one only */
    record Subscription<T>(
            EventCatalog entry, Class<T> payloadType, EventHandler<T> handler, BatchHandler<T> together) {}

    private final Map<String, List<Subscription<?>>> byType;

    private EventSubscriptions(Map<String, List<Subscription<?>>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All capabilities' subscriptions together, handlers of one type in the given order. */
    public static EventSubscriptions merge(Collection<EventSubscriptions> contributions) {
        var byType = new LinkedHashMap<String, List<Subscription<?>>>();
        for (var contribution : contributions) {
            contribution.byType.forEach((type, subs) ->
                    byType.computeIfAbsent(type, t -> new ArrayList<>()).addAll(subs));
        }
        byType.replaceAll((type, subs) -> List.copyOf(subs));
        return new EventSubscriptions(byType);
    }

    public Set<String> topics() {
        var topics = new TreeSet<String>();
        byType.values().forEach(subs -> subs.forEach(s -> topics.add(s.entry().topic())));
        return topics;
    }

    /** The {@code ce_type}s handled here. */
    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    /**
     * The batch handler of {@code ceType}; null unless exactly one capability handles the type and
     * it handles batches (with two, a batch failing in the second would run the first's again per event).
     */
    BatchHandler<?> batchHandlerOf(String ceType) {
        var subs = forType(ceType);
        return subs.size() == 1 ? subs.get(0).together() : null;
    }

    /** Whether some type is handled in batches: the chassis then hands its listener whole polls. */
    boolean handlesBatches() {
        return byType.keySet().stream().anyMatch(type -> batchHandlerOf(type) != null);
    }

    /** The handlers of {@code ceType}, in order; empty when nobody here consumes it. */
    List<Subscription<?>> forType(String ceType) {
        return byType.getOrDefault(ceType, List.of());
    }

    public static final class Builder {
        private final Map<String, List<Subscription<?>>> byType = new LinkedHashMap<>();

        /** One handler per type and capability: what a capability does with an event reads in one place. */
        public <T extends Record> Builder on(Class<T> payloadType, EventHandler<T> handler) {
            return on(payloadType, handler, null);
        }

        /**
         * As {@link #on(Class, EventHandler)}, consecutive events of the type in one poll handled
         * {@code together}; {@code handler} handles a single one, and each of a batch that failed.
         */
        public <T extends Record> Builder on(Class<T> payloadType, EventHandler<T> handler, BatchHandler<T> together) {
            var entry = EventCatalog.ofPayload(payloadType);
            if (byType.putIfAbsent(entry.type(), List.of(new Subscription<>(entry, payloadType, handler, together)))
                    != null) {
                throw new IllegalStateException("two handlers for " + entry.type());
            }
            return this;
        }

        public EventSubscriptions build() {
            return new EventSubscriptions(byType);
        }
    }
}
