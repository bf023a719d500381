package dev.aftersales.chassis.test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Counts the write commands a service under test sends to its store from the threads that answer
 * HTTP requests, so that a test can say "this call wrote nothing" without reading every document
 * before and after, and without being misled by the relay, the consumers and the timers, which write
 * on threads of their own. Registered on the service's Mongo client by {@link
 * ServiceTestInitializer}; find it in the context by type.
 */
public final class StoreWrites implements CommandListener {

    private static final Set<String> WRITES =
            Set.of("insert", "update", "delete", "findAndModify", "findandmodify", "bulkWrite", "drop", "create");

    private final AtomicLong byRequests = new AtomicLong();

    /** Write commands sent so far while answering a request. */
    public long byRequests() {
        return byRequests.get();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (WRITES.contains(event.getCommandName()) && RequestPublishes.answeringARequest()) {
            byRequests.incrementAndGet();
        }
    }

    MongoClientSettingsBuilderCustomizer customizer() {
        return settings -> settings.addCommandListener(this);
    }
}
