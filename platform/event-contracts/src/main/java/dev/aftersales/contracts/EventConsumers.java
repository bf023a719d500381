package dev.aftersales.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who consumes what, in one checked-in table ({@code consumers.csv} beside this class): for every
 * event type a service finds on a topic it reads, whether it HANDLES it or IGNORES it. A normal day
 * dead-letters nothing only when every pair is one or the other; each service's test compares its
 * subscriptions with its rows, and the observability check expects every HANDLED pair to be counted.
 */
public final class EventConsumers {

    /** What a service does with an event type on a topic it reads. */
    public enum Use {
        HANDLED,
        IGNORED
    }

    /** One row of the table. */
    public record Row(EventCatalog event, String service, Use use) {}

    private static final Map<String, Row> ROWS = load();

    private EventConsumers() {}

    /** Every row, in the table's order. */
    public static java.util.Collection<Row> rows() {
        return ROWS.values();
    }

    public static Optional<Use> use(EventCatalog event, String service) {
        return Optional.ofNullable(ROWS.get(key(event, service))).map(Row::use);
    }

    /** The event types {@code service} handles. */
    public static SortedSet<String> handledBy(String service) {
        var types = new TreeSet<String>();
        ROWS.values().stream()
                .filter(r -> r.service().equals(service) && r.use() == Use.HANDLED)
                .forEach(r -> types.add(r.event().type()));
        return types;
    }

    /** The topics {@code service} reads: those of its rows. */
    public static SortedSet<String> topicsReadBy(String service) {
        var topics = new TreeSet<String>();
        ROWS.values().stream()
                .filter(r -> r.service().equals(service))
                .forEach(r -> topics.add(r.event().topic()));
        return topics;
    }

    private static String key(EventCatalog event, String service) {
        return event.name() + "/" + service;
    }

    private static Map<String, Row> load() {
        var rows = new LinkedHashMap<String, Row>();
        var stream = Objects.requireNonNull(
                EventConsumers.class.getResourceAsStream("consumers.csv"), "consumers.csv beside EventConsumers");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("event,")) {
                    continue;
                }
                var cells = line.split(",");
                if (cells.length != 3) {
                    throw new IllegalStateException("consumers.csv line " + number + ": want event,service,use");
                }
                var event = EventCatalog.ofPayloadName(cells[0].strip())
                        .orElseThrow(() -> new IllegalStateException("consumers.csv: no event named " + cells[0]));
                var row = new Row(event, cells[1].strip(), Use.valueOf(cells[2].strip()));
                if (rows.put(key(event, row.service()), row) != null) {
                    throw new IllegalStateException("consumers.csv line " + number + ": a second row for " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
