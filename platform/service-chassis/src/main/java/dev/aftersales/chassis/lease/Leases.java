package dev.aftersales.chassis.lease;

import dev.aftersales.chassis.time.WallClock;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's {@link Lease}s, one document each in {@value #COLLECTION}, all held under this
 * instance's id. Scheduled work that scans the store (sweeps, outbox sweep, database gauges) asks
 * its lease before each run, so that with several instances of a service one of them scans at a
 * time; when that instance dies, another takes over once the lease expires.
 */
public final class Leases {

    public static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final String instanceId;
    private final Duration ttl;
    private final WallClock wall;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    /**
     * @param instanceId this instance, unique among the service's running instances
     * @param ttl how long a lease lasts unless renewed: how long a dead holder's work waits
     */
    public Leases(MongoTemplate mongo, String instanceId, Duration ttl, WallClock wall) {
        if (instanceId == null || instanceId.isBlank() || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease needs an instance id and a positive duration");
        }
        this.mongo = mongo;
        this.instanceId = instanceId;
        this.ttl = ttl;
        this.wall = wall;
    }

    /** The lease called {@code name} (one per kind of scheduled work, e.g. {@code sweep/sla-clocks}). */
    public Lease lease(String name) {
        return leases.computeIfAbsent(name, n -> new Lease(n, mongo.getCollection(COLLECTION), instanceId, ttl, wall));
    }

    public String instanceId() {
        return instanceId;
    }

    /** Hands back every lease this instance holds, so that another instance takes over at once on a clean stop. */
    public void releaseAll() {
        leases.values().forEach(Lease::release);
    }

    /**
     * The default id: host name and process id, distinct for processes on one host and for pods. A
     * process restarted under the same id takes its predecessor's leases back at once, which is right:
     * the predecessor is gone.
     */
    public static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
