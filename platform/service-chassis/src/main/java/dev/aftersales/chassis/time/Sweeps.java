package dev.aftersales.chassis.time;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's {@link Sweep}s, run together: what the platform clock drives at each step. */
public final class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final List<Sweep> sweeps;

    public Sweeps(List<Sweep> sweeps) {
        this.sweeps = sweeps.stream().sorted(Comparator.comparing(Sweep::name)).toList();
    }

    public List<String> names() {
        return sweeps.stream().map(Sweep::name).toList();
    }

    /**
     * Runs every sweep at {@code now}; one failing does not stop the others (its items stay due).
     *
     * @return how many items each sweep acted on
     */
    public Map<String, Integer> runDue(Instant now) {
        var acted = new LinkedHashMap<String, Integer>();
        for (var sweep : sweeps) {
            try {
                acted.put(sweep.name(), sweep.runDue(now));
            } catch (RuntimeException e) {
                log.warn("sweep {} failed at {}; its due items stay due: {}", sweep.name(), now, e.toString());
                acted.put(sweep.name(), 0);
            }
        }
        return acted;
    }

    /** The earliest next due time of all sweeps. */
    public Optional<Instant> nextDueAt() {
        Instant earliest = null;
        for (var sweep : sweeps) {
            try {
                var next = sweep.nextDueAt().orElse(null);
                if (next != null && (earliest == null || next.isBefore(earliest))) {
                    earliest = next;
                }
            } catch (RuntimeException e) {
                log.warn("sweep {} could not say what is due next: {}", sweep.name(), e.toString());
            }
        }
        return Optional.ofNullable(earliest);
    }
}
