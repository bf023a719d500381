package dev.aftersales.chassis.metrics;

import dev.aftersales.chassis.lease.Lease;
import dev.aftersales.chassis.lease.Leases;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Gauges whose values are counted from the database (backlogs, waiting lists, stock value,
 * satisfaction, installed base): the same figure whichever instance counts it. So that N instances
 * do not export it N times, only the holder of the service's {@value #LEASE} lease counts and
 * exports them; the others withdraw theirs. Dashboards and alerts take the {@code max} over
 * instances, which is the value while one instance exports it and stays right during a hand-over.
 *
 * <p>Until an instance's first refresh its gauges read zero, as they always did before a count.
 */
public final class DatabaseGauges {

    public static final String LEASE = "database-gauges";

    private final MeterRegistry meters;
    private final Lease lease;
    private final List<Gauge.Builder<?>> gauges = new CopyOnWriteArrayList<>();
    private final List<Gauge> registered = new CopyOnWriteArrayList<>();
    private final List<MultiGauge> multiGauges = new CopyOnWriteArrayList<>();
    private volatile boolean exported = true;

    public DatabaseGauges(MeterRegistry meters, Lease lease) {
        this.meters = meters;
        this.lease = lease;
    }

    /** Gauges exported under the service's {@value #LEASE} lease. */
    public static DatabaseGauges of(MeterRegistry meters, Leases leases) {
        return new DatabaseGauges(meters, leases.lease(LEASE));
    }

    /** Adds a gauge (registered now, withdrawn while another instance holds the lease). */
    public DatabaseGauges gauge(Gauge.Builder<?> gauge) {
        gauges.add(gauge);
        registered.add(gauge.register(meters));
        return this;
    }

    /** Registers a multi-gauge; its rows are cleared while another instance holds the lease. */
    public MultiGauge multiGauge(MultiGauge.Builder builder) {
        var gauge = builder.register(meters);
        multiGauges.add(gauge);
        return gauge;
    }

    /**
     * Counts (runs {@code count}, which sets the gauges' values and multi-gauge rows) and exports the
     * gauges if this instance holds the lease; otherwise withdraws them and leaves the store alone.
     *
     * @return whether this instance counted
     */
    public synchronized boolean refresh(Runnable count) {
        if (!lease.acquire()) {
            withdraw();
            return false;
        }
        count.run();
        if (!exported) {
            gauges.forEach(g -> registered.add(g.register(meters)));
            exported = true;
        }
        return true;
    }

    private void withdraw() {
        if (exported) {
            new ArrayList<>(registered).forEach(meters::remove);
            registered.clear();
            exported = false;
        }
        multiGauges.forEach(g -> g.register(List.of(), true));
    }

    /** Whether this instance exports the gauges now. */
    public boolean exported() {
        return exported;
    }
}
