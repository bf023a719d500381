package dev.aftersales.chassis.events;

import dev.aftersales.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The topics a service consumes and, for each, the two topics that belong to this consumer alone:
 * its dead-letter topic ({@link Topics#deadLetterOf}) and its replay topic ({@link Topics#replayOf}).
 * A record read from a replay topic counts as a record of its origin topic: same producer, same
 * handlers, same dead-letter topic.
 */
final class ConsumedTopics {

    private final String service;
    private final SortedSet<String> origins;

    ConsumedTopics(String service, Set<String> origins) {
        this.service = Objects.requireNonNull(service, "aftersales.service must name the service");
        this.origins = new TreeSet<>(origins);
    }

    String service() {
        return service;
    }

    SortedSet<String> origins() {
        return origins;
    }

    /** What the listener subscribes to: the consumed topics and this service's replay topics. */
    List<String> subscribed() {
        var topics = new ArrayList<>(origins);
        topics.addAll(replays());
        return topics;
    }

    List<String> deadLetters() {
        return origins.stream().map(this::deadLetterOf).toList();
    }

    List<String> replays() {
        return origins.stream().map(this::replayOf).toList();
    }

    String deadLetterOf(String origin) {
        return Topics.deadLetterOf(origin, service);
    }

    String replayOf(String origin) {
        return Topics.replayOf(origin, service);
    }

    /** The consumed topic a record read from {@code topic} belongs to. */
    String originOf(String topic) {
        for (var origin : origins) {
            if (topic.equals(replayOf(origin))) {
                return origin;
            }
        }
        return topic;
    }

    /** The consumed topic whose dead letters this service parks on {@code deadLetterTopic}; empty if none of its own. */
    Optional<String> originOfDeadLetters(String deadLetterTopic) {
        return origins.stream()
                .filter(origin -> deadLetterOf(origin).equals(deadLetterTopic))
                .findFirst();
    }
}
