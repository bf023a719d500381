package dev.aftersales.chassis.lease;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.aftersales.chassis.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named lease one instance of a service holds at a time: a document {@code {_id: name, holder,
 * expiresAt}} (wall time). Taken or renewed by one guarded single-document update, matched only
 * while this instance holds it or it has expired; when another instance holds it, the upsert
 * collides on {@code _id} and the lease is not held. No transaction, no clock beyond the wall clock:
 * instances whose clocks differ by less than the lease's duration never both hold it.
 */
public final class Lease {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    private final String name;
    private final MongoCollection<Document> leases;
    private final String instanceId;
    private final Duration ttl;
    private final WallClock wall;
    private volatile boolean held;

    Lease(String name, MongoCollection<Document> leases, String instanceId, Duration ttl, WallClock wall) {
        this.name = name;
        this.leases = leases;
        this.instanceId = instanceId;
        this.ttl = ttl;
        this.wall = wall;
    }

    public String name() {
        return name;
    }

    /**
     * Takes the lease, or renews it for another full duration when this instance holds it already.
     * Called before each run of the work it guards, so a holder that stops running (or dies) lets it
     * expire. A store that does not answer counts as not held: the work waits for the next run.
     *
     * @return whether this instance holds the lease now
     */
    public boolean acquire() {
        var now = wall.instant();
        boolean taken;
        try {
            leases.updateOne(
                    Filters.and(
                            Filters.eq("_id", name),
                            Filters.or(Filters.eq("holder", instanceId), Filters.lte("expiresAt", Date.from(now)))),
                    Updates.combine(
                            Updates.set("holder", instanceId),
                            Updates.set("expiresAt", Date.from(now.plus(ttl))),
                            Updates.set("renewedAt", Date.from(now))),
                    new UpdateOptions().upsert(true));
            taken = true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                log.warn("lease {} could not be renewed: {}", name, e.toString());
            }
            taken = false;
        } catch (MongoException e) {
            log.warn("lease {} could not be renewed: {}", name, e.toString());
            taken = false;
        }
        if (taken != held) {
            log.info("lease {} {} by instance {}", name, taken ? "taken" : "lost", instanceId);
        }
        held = taken;
        return taken;
    }

    /** Whether the last {@link #acquire} took the lease (no store access). */
    public boolean heldAtLastAcquire() {
        return held;
    }

    /** Hands the lease back if this instance holds it: another instance may take it at once. */
    public void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            leases.updateOne(
                    Filters.and(Filters.eq("_id", name), Filters.eq("holder", instanceId)),
                    Updates.set("expiresAt", Date.from(Instant.EPOCH)));
        } catch (MongoException e) {
            log.warn("lease {} could not be handed back; it expires by itself: {}", name, e.toString());
        }
    }

    /** Runs {@code work} if this instance holds (or now takes) the lease. @return whether it ran */
    public boolean runIfHeld(Runnable work) {
        if (!acquire()) {
            return false;
        }
        work.run();
        return true;
    }
}
