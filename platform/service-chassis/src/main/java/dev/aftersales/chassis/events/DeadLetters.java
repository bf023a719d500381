package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.contracts.CloudEventHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * This service's own dead letters: reading them, and sending them back to this service alone. A
 * replay copies the dead letter (headers and {@code ce_id} included) to the consumer's own replay
 * topic, which no other service reads, so the producer's topic and every other consumer group never
 * see it again; the listener handles it like the original, and dead-letters it again if it still
 * fails. Each dead letter is replayed at most once ({@link DeadLetterReplays}); a dead letter that
 * fails again is a new one and may be replayed in its turn.
 */
class DeadLetters {

    /** Links a replayed copy to the dead letter it came from ({@code <topic>/<partition>/<offset>}). */
    static final String REPLAY_OF = "aftersales_replay_of";

    /** Headers that a replay copies; the dead-letter bookkeeping headers stay behind. */
    private static final Set<String> REPLAYED_HEADERS = Set.of(
            CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT,
            CloudEventHeaders.CONTENT_TYPE,
            CloudEventHeaders.TRACEPARENT);

    private static final Duration POLL = Duration.ofMillis(500);
    /** Records read backwards at a time from one partition, at least. */
    private static final int MIN_CHUNK = 50;

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);

    /** Which dead letters an operator means: dead-lettered in {@code [from, to)}, with a reason containing {@code reason}. */
    record Filter(Instant from, Instant to, String reason) {

        static final Filter ALL = new Filter(null, null, null);

        boolean matches(ConsumerRecord<String, byte[]> record) {
            var at = Instant.ofEpochMilli(record.timestamp());
            if ((from != null && at.isBefore(from)) || (to != null && !at.isBefore(to))) {
                return false;
            }
            if (reason == null || reason.isBlank()) {
                return true;
            }
            var recorded = EventDispatcher.header(record, KafkaConfiguration.DLT_REASON);
            return recorded != null
                    && recorded.toLowerCase(Locale.ROOT).contains(reason.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** What a scan found: the matching records (up to the limit) and whether more were left unread. */
    record Found(List<ConsumerRecord<String, byte[]>> records, boolean more) {}

    /**
     * One page of a newest-first walk: the records, newest first, and where the next page starts,
     * per partition the offset below which nothing was shown yet; {@code next} is null on the last page.
     */
    record Newest(List<ConsumerRecord<String, byte[]>> records, Map<Integer, Long> next) {}

    /** What a replay did: sent now, or an earlier replay of the same dead letter. */
    record Replayed(String replayedTo, Optional<DeadLetterReplays.Replay> earlier) {}

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> template;
    private final ConsumedTopics topics;
    private final DeadLetterReplays replays;
    private final WallClock clock;

    DeadLetters(
            ConsumerFactory<String, byte[]> consumers,
            KafkaTemplate<String, byte[]> template,
            ConsumedTopics topics,
            DeadLetterReplays replays,
            WallClock clock) {
        this.consumers = consumers;
        this.template = template;
        this.topics = topics;
        this.replays = replays;
        this.clock = clock;
    }

    /** This service's dead-letter topics, one per topic it consumes. */
    List<String> topics() {
        return topics.deadLetters();
    }

    /**
     * The consumed topic whose dead letters {@code deadLetterTopic} holds.
     *
     * @throws NotFoundException unless it is one of this service's own dead-letter topics: another
     *     consumer's dead letters are that consumer's business
     */
    String originOf(String deadLetterTopic) {
        return topics.originOfDeadLetters(deadLetterTopic)
                .orElseThrow(() -> new NotFoundException(
                        "no dead-letter topic " + deadLetterTopic + " of " + topics.service() + "-service"));
    }

    /** Where the dead letters of {@code deadLetterTopic} are replayed to: this service's replay topic. */
    String replayTopicOf(String deadLetterTopic) {
        return topics.replayOf(originOf(deadLetterTopic));
    }

    /** The dead letters matching {@code filter}, oldest first per partition, at most {@code limit}. */
    Found read(String deadLetterTopic, Filter filter, int limit) {
        originOf(deadLetterTopic);
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = newConsumer()) {
            var partitions = partitionsOf(consumer, deadLetterTopic);
            consumer.assign(partitions);
            var end = consumer.endOffsets(partitions);
            seekToStart(consumer, partitions, filter.from());
            while (found.size() < limit && !reached(consumer, end)) {
                for (var record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && filter.matches(record)
                            && found.size() < limit) {
                        found.add(record);
                    }
                }
            }
            return new Found(found, !reached(consumer, end));
        }
    }

    /**
     * The newest dead letters matching {@code filter}, at most {@code limit}, reading each partition
     * backwards from {@code below} (its end on the first page) in chunks, and taking across
     * partitions the newest head first. A page takes from each partition a run of its newest unseen
     * records, so the next page's bounds leave nothing out and show nothing twice; dead letters
     * arriving meanwhile lie above the first page's ends and wait for a new walk.
     *
     * @param below per partition, the offset below which to read; null for the first page
     */
    Newest newest(String deadLetterTopic, Filter filter, Map<Integer, Long> below, int limit) {
        originOf(deadLetterTopic);
        try (var consumer = newConsumer()) {
            var partitions = partitionsOf(consumer, deadLetterTopic);
            var floor = floorOf(consumer, partitions, filter.from());
            var ends = consumer.endOffsets(partitions);
            var ceiling = new HashMap<TopicPartition, Long>();
            for (var partition : partitions) {
                var bound = below == null ? ends.get(partition) : below.get(partition.partition());
                // a partition the cursor does not name was added after the walk began: all of it is newer
                ceiling.put(partition, bound == null ? floor.get(partition) : Math.min(bound, ends.get(partition)));
            }
            var unread = new HashMap<>(ceiling);
            var buffers = new HashMap<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>>();
            var chunk = Math.max(limit + 1, MIN_CHUNK);
            var taken = new ArrayList<ConsumerRecord<String, byte[]>>();
            while (taken.size() <= limit) {
                TopicPartition newest = null;
                for (var partition : partitions) {
                    var buffer = buffers.computeIfAbsent(partition, p -> new ArrayDeque<>());
                    while (buffer.isEmpty() && unread.get(partition) > floor.get(partition)) {
                        var start = Math.max(floor.get(partition), unread.get(partition) - chunk);
                        buffer.addAll(readBackwards(consumer, partition, start, unread.get(partition), filter));
                        unread.put(partition, start);
                    }
                    if (!buffer.isEmpty()
                            && (newest == null
                                    || newer(
                                            buffer.peekFirst(),
                                            buffers.get(newest).peekFirst()))) {
                        newest = partition;
                    }
                }
                if (newest == null) {
                    break;
                }
                taken.add(buffers.get(newest).pollFirst());
            }
            if (taken.size() <= limit) {
                return new Newest(taken, null);
            }
            var shown = List.copyOf(taken.subList(0, limit));
            var next = new TreeMap<Integer, Long>();
            ceiling.forEach((partition, bound) -> next.put(partition.partition(), bound));
            shown.forEach(record -> next.merge(record.partition(), record.offset(), Math::min));
            return new Newest(shown, next);
        }
    }

    /** One dead letter, by its place on its topic. */
    ConsumerRecord<String, byte[]> one(String deadLetterTopic, int partition, long offset) {
        originOf(deadLetterTopic);
        try (var consumer = newConsumer()) {
            var tp = new TopicPartition(deadLetterTopic, partition);
            if (!partitionsOf(consumer, deadLetterTopic).contains(tp)) {
                throw new NotFoundException("no partition " + partition + " in " + deadLetterTopic);
            }
            consumer.assign(List.of(tp));
            var end = consumer.endOffsets(List.of(tp)).get(tp);
            var start = consumer.beginningOffsets(List.of(tp)).get(tp);
            if (offset < start || offset >= end) {
                throw new NotFoundException("no record at offset " + offset + " of " + deadLetterTopic);
            }
            consumer.seek(tp, offset);
            while (consumer.position(tp) <= offset) {
                for (var record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw new NotFoundException("no record at offset " + offset + " of " + deadLetterTopic);
        }
    }

    /** The replays of a dead-letter topic's records, by {@code <topic>/<partition>/<offset>}. */
    Map<String, DeadLetterReplays.Replay> replaysOf(String deadLetterTopic) {
        return replays.of(deadLetterTopic);
    }

    /** Sends one dead letter back to this service, unless it was replayed before. */
    Replayed replay(ConsumerRecord<String, byte[]> deadLetter, String actor) {
        var origin = originOf(deadLetter.topic());
        var replayTopic = topics.replayOf(origin);
        var now = clock.instant();
        var earlier = replays.claim(
                deadLetter.topic(),
                deadLetter.partition(),
                deadLetter.offset(),
                EventDispatcher.header(deadLetter, CloudEventHeaders.ID),
                actor,
                now);
        if (earlier.isPresent()) {
            return new Replayed(replayTopic, earlier);
        }
        var headers = new RecordHeaders();
        for (var header : deadLetter.headers()) {
            if (REPLAYED_HEADERS.contains(header.key())) {
                headers.add(header);
            }
        }
        var id = DeadLetterReplays.idOf(deadLetter.topic(), deadLetter.partition(), deadLetter.offset());
        headers.add(REPLAY_OF, id.getBytes(UTF_8));
        try {
            template.send(new ProducerRecord<>(replayTopic, null, deadLetter.key(), deadLetter.value(), headers))
                    .get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replays.release(deadLetter.topic(), deadLetter.partition(), deadLetter.offset(), now);
            throw new IllegalStateException("interrupted while replaying " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            replays.release(deadLetter.topic(), deadLetter.partition(), deadLetter.offset(), now);
            throw new IllegalStateException("the broker did not take the replay of " + id, e);
        }
        replays.sent(deadLetter.topic(), deadLetter.partition(), deadLetter.offset(), clock.instant());
        return new Replayed(replayTopic, Optional.empty());
    }

    private Consumer<String, byte[]> newConsumer() {
        // No group: reading the dead letters must not move any consumer group's offsets.
        var overrides = new Properties();
        overrides.put(ConsumerConfig.GROUP_ID_CONFIG, "");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return consumers.createConsumer(null, null, null, overrides);
    }

    /** The matching records of {@code [from, to)} of one partition, highest offset first. */
    private static List<ConsumerRecord<String, byte[]>> readBackwards(
            Consumer<String, byte[]> consumer, TopicPartition partition, long from, long to, Filter filter) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        while (consumer.position(partition) < to) {
            for (var record : consumer.poll(POLL)) {
                if (record.offset() >= from && record.offset() < to && filter.matches(record)) {
                    found.add(record);
                }
            }
        }
        java.util.Collections.reverse(found);
        return found;
    }

    /** Newer: a later timestamp; on a tie, the lower partition, then the higher offset, so the order is total. */
    private static boolean newer(ConsumerRecord<?, ?> a, ConsumerRecord<?, ?> b) {
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() > b.timestamp();
        }
        if (a.partition() != b.partition()) {
            return a.partition() < b.partition();
        }
        return a.offset() > b.offset();
    }

    /** Per partition, the first offset worth reading: its beginning, or the first at or after {@code from}. */
    private static Map<TopicPartition, Long> floorOf(
            Consumer<?, ?> consumer, List<TopicPartition> partitions, Instant from) {
        var floor = new HashMap<>(consumer.beginningOffsets(partitions));
        if (from != null) {
            var query = new HashMap<TopicPartition, Long>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            var ends = consumer.endOffsets(partitions);
            consumer.offsetsForTimes(query)
                    .forEach((partition, found) -> floor.put(
                            partition,
                            found == null ? ends.get(partition) : Math.max(found.offset(), floor.get(partition))));
        }
        return floor;
    }

    private static void seekToStart(Consumer<?, ?> consumer, List<TopicPartition> partitions, Instant from) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        var query = new HashMap<TopicPartition, Long>();
        partitions.forEach(p -> query.put(p, from.toEpochMilli()));
        var offsets = consumer.offsetsForTimes(query);
        var beyond = new ArrayList<TopicPartition>();
        for (var partition : partitions) {
            var found = offsets.get(partition);
            if (found == null) {
                beyond.add(partition);
            } else {
                consumer.seek(partition, found.offset());
            }
        }
        consumer.seekToEnd(beyond);
    }

    private static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
            throw new NotFoundException("no topic " + topic);
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
