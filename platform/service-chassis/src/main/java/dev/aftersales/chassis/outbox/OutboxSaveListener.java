package dev.aftersales.chassis.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Marks an aggregate's pending events before the save that stores them (so a crash after it leaves
 * them findable by the sweep), and hands them to the relay right after it.
 */
class OutboxSaveListener extends AbstractMongoEventListener<HasOutbox> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<HasOutbox> event) {
        var aggregate = event.getSource();
        var pending = aggregate.outbox() == null
                ? java.util.List.<dev.aftersales.chassis.aggregate.OutboxEvent>of()
                : aggregate.outbox().pending();
        if (!pending.isEmpty()) {
            relay.mark(event.getCollectionName(), java.util.Map.of(aggregate.id(), pending));
        }
    }

    @Override
    public void onAfterSave(AfterSaveEvent<HasOutbox> event) {
        var aggregate = event.getSource();
        relay.enqueue(
                event.getCollectionName(), aggregate.id(), aggregate.outbox().pending());
    }
}
