package dev.aftersales.chassis.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * How many records of the topics this service consumes its consumer group has not committed yet:
 * zero means every event published so far has been handled. Asked by the local stack's platform
 * clock before it takes the next step. Its own client, which never joins the group; use from one
 * thread.
 */
public final class ConsumerLag implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerFactory<String, byte[]> factory;
    private final ConsumedTopics topics;
    private Consumer<String, byte[]> consumer;

    ConsumerLag(ConsumerFactory<String, byte[]> factory, ConsumedTopics topics) {
        this.factory = factory;
        this.topics = topics;
    }

    /** Records published but not yet handled, over every partition of the consumed and replay topics. */
    public synchronized long records() {
        if (consumer == null) {
            consumer = factory.createConsumer(null, "-lag");
        }
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : topics.subscribed()) {
            var infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
        }
        if (partitions.isEmpty()) {
            return 0;
        }
        var ends = consumer.endOffsets(partitions, TIMEOUT);
        var starts = consumer.beginningOffsets(partitions, TIMEOUT);
        var committed = new HashMap<>(consumer.committed(new java.util.HashSet<>(partitions), TIMEOUT));
        long lag = 0;
        for (var partition : partitions) {
            var at = committed.get(partition);
            long from = at != null ? at.offset() : starts.getOrDefault(partition, 0L);
            lag += Math.max(0, ends.getOrDefault(partition, 0L) - from);
        }
        return lag;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
