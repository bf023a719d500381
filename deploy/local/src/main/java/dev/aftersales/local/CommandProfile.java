package dev.aftersales.local;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the store's commands per database, collection and command, with the documents a write
 * carried and the time the command held the store (which runs one command at a time). For the
 * benchmarks: which service writes what per row, and where the store's time goes.
 */
final class CommandProfile {

    private final Map<String, long[]> counts = new TreeMap<>();

    /** Called under the store's lock. */
    void count(String database, String command, Document query, long nanos) {
        var collection = query.get(command) instanceof String name ? name : "";
        long documents = 1;
        for (var batch : List.of("documents", "updates", "deletes")) {
            if (query.get(batch) instanceof List<?> list) {
                documents = list.size();
            }
        }
        synchronized (counts) {
            var entry = counts.computeIfAbsent(database + " " + collection + " " + command, k -> new long[3]);
            entry[0]++;
            entry[1] += documents;
            entry[2] += nanos;
        }
    }

    void reset() {
        synchronized (counts) {
            counts.clear();
        }
    }

    /** One line per database, collection and command, the costliest first. */
    List<String> report(int perRows) {
        List<Map.Entry<String, long[]>> entries;
        synchronized (counts) {
            entries = new ArrayList<>();
            counts.forEach((k, v) -> entries.add(Map.entry(k, v.clone())));
        }
        entries.sort((a, b) -> Long.compare(b.getValue()[2], a.getValue()[2]));
        long total = entries.stream().mapToLong(e -> e.getValue()[2]).sum();
        var lines = new ArrayList<String>();
        lines.add(String.format(Locale.ROOT, "store busy %.1f s in all", total / 1e9));
        for (var entry : entries) {
            var v = entry.getValue();
            if (v[2] < total / 500) {
                continue;
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "%-60s %9d commands (%.2f/row) %9d documents (%.2f/row) %8.1f s",
                    entry.getKey(),
                    v[0],
                    (double) v[0] / perRows,
                    v[1],
                    (double) v[1] / perRows,
                    v[2] / 1e9));
        }
        return lines;
    }
}
