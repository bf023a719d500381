package dev.aftersales.chassis.events;

import dev.aftersales.contracts.EventCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The events a service consumes and who handles each. A service declares one bean of this type;
 * the chassis subscribes to the topics it implies and skips every other event type it finds there.
 */
public final class EventSubscriptions {

    record Subscription<T>(EventCatalog entry, Class<T> payloadType, EventHandler<T> handler) {}

    private final Map<String, Subscription<?>> byType;

    private EventSubscriptions(Map<String, Subscription<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> topics() {
        var topics = new TreeSet<String>();
        byType.values().forEach(s -> topics.add(s.entry().topic()));
        return topics;
    }

    Optional<Subscription<?>> forType(String ceType) {
        return Optional.ofNullable(byType.get(ceType));
    }

    public static final class Builder {
        private final Map<String, Subscription<?>> byType = new LinkedHashMap<>();

        public <T extends Record> Builder on(Class<T> payloadType, EventHandler<T> handler) {
            var entry = EventCatalog.ofPayload(payloadType);
            if (byType.putIfAbsent(entry.type(), new Subscription<>(entry, payloadType, handler)) != null) {
                throw new IllegalStateException("two handlers for " + entry.type());
            }
            return this;
        }

        public EventSubscriptions build() {
            return new EventSubscriptions(byType);
        }
    }
}
