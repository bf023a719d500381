package dev.aftersales.chassis.events;

import dev.aftersales.contracts.CloudEventHeaders;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * The listener of a service that handles some event type in batches ({@link BatchHandler}): a poll's
 * records in order, each run of consecutive records of such a type together, every other record alone
 * as {@link EventDispatcher} does. A record that fails alone is reported by its position, so the error
 * handler commits the records before it and retries or dead-letters just that one, as for a record listener.
 */
class BatchEventDispatcher implements BatchMessageListener<String, byte[]> {

    private final EventDispatcher dispatcher;
    private final EventSubscriptions subscriptions;

    BatchEventDispatcher(EventDispatcher dispatcher, EventSubscriptions subscriptions) {
        this.dispatcher = dispatcher;
        this.subscriptions = subscriptions;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        int from = 0;
        while (from < records.size()) {
            var type = EventDispatcher.header(records.get(from), CloudEventHeaders.TYPE);
            int to = from + 1;
            if (type != null && subscriptions.batchHandlerOf(type) != null) {
                while (to < records.size()
                        && type.equals(EventDispatcher.header(records.get(to), CloudEventHeaders.TYPE))) {
                    to++;
                }
            }
            if (to - from < 2 || !dispatcher.onMessages(records.subList(from, to))) {
                for (int i = from; i < to; i++) {
                    var record = records.get(i);
                    try {
                        dispatcher.onMessage(record);
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(e.getMessage(), e, record);
                    }
                }
            }
            from = to;
        }
    }
}
