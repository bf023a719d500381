package dev.aftersales.chassis.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Hands an aggregate's pending events to the relay right after the save that committed them. */
class OutboxSaveListener extends AbstractMongoEventListener<HasOutbox> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<HasOutbox> event) {
        var aggregate = event.getSource();
        relay.enqueue(
                event.getCollectionName(), aggregate.id(), aggregate.outbox().pending());
    }
}
