package dev.aftersales.chassis.events;

import static dev.aftersales.chassis.events.EventDispatcherTest.record;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/** A poll's consecutive events of a type handled in batches go to its batch handler together, in order. */
class BatchEventDispatcherTest {

    final List<String> handled = new ArrayList<>();
    boolean batchFails;
    /** The event whose handling fails while {@link #failuresLeft} lasts, alone and in any batch. */
    String unreachableFor;

    int failuresLeft;

    final EventSubscriptions subscriptions = EventSubscriptions.builder()
            .on(
                    AssignmentAccepted.class,
                    e -> {
                        if (e.id().equals(unreachableFor) && failuresLeft > 0) {
                            failuresLeft--;
                            throw new IllegalStateException("store unreachable");
                        }
                        handled.add("alone " + e.id());
                    },
                    events -> {
                        if (batchFails
                                || (failuresLeft > 0 && events.stream().anyMatch(e -> e.id().equals(unreachableFor)))) {
                            throw new IllegalStateException("store unreachable");
                        }
                        handled.add("together "
                                + events.stream().map(ReceivedEvent::id).toList());
                    })
            .on(AssignmentDeclined.class, e -> handled.add("declined " + e.id()))
            .build();

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final BatchEventDispatcher dispatcher = new BatchEventDispatcher(
            new EventDispatcher(
                    subscriptions,
                    new ConsumedTopics("intake", Set.of(Topics.DISPATCH_ASSIGNMENTS)),
                    Validation.buildDefaultValidatorFactory().getValidator(),
                    meters),
            subscriptions);

    @Test
    void consecutive_events_of_a_batched_type_are_handled_together_and_others_alone_in_order() {
        dispatcher.onMessage(List.of(accepted("e1"), accepted("e2"), declined("e3"), accepted("e4"), accepted("e5")));

        assertThat(handled).containsExactly("together [e1, e2]", "declined e3", "together [e4, e5]");
    }

    @Test
    void a_single_event_of_a_batched_type_is_handled_alone() {
        dispatcher.onMessage(List.of(declined("e1"), accepted("e2")));

        assertThat(handled).containsExactly("declined e1", "alone e2");
    }

    @Test
    void when_the_batch_fails_each_of_its_events_is_handled_alone() {
        batchFails = true;

        dispatcher.onMessage(List.of(accepted("e1"), accepted("e2")));

        assertThat(handled).containsExactly("alone e1", "alone e2");
    }

    @Test
    void a_poison_record_in_a_run_is_reported_by_itself_after_the_ones_before_it_were_handled() {
        var poison = accepted("e2");
        poison.headers().remove(CloudEventHeaders.ID);

        assertThatThrownBy(() -> dispatcher.onMessage(List.of(accepted("e1"), poison, accepted("e3"))))
                .isInstanceOf(BatchListenerFailedException.class)
                .hasCauseInstanceOf(PoisonEventException.class)
                .satisfies(e -> assertThat(((BatchListenerFailedException) e).getRecord())
                        .isSameAs(poison));
        assertThat(handled).containsExactly("alone e1");
    }

    @Test
    void a_forged_record_in_a_run_is_counted_once_and_reported_by_itself() {
        var forged = accepted("e2");
        forged.headers().remove(CloudEventHeaders.SOURCE);
        forged.headers().add(CloudEventHeaders.SOURCE, "/aftersales/parts".getBytes(UTF_8));

        assertThatThrownBy(() -> dispatcher.onMessage(List.of(accepted("e1"), forged)))
                .isInstanceOf(BatchListenerFailedException.class)
                .hasCauseInstanceOf(PoisonEventException.class);
        assertThat(meters.get("aftersales.events.forged")
                        .tag("topic", Topics.DISPATCH_ASSIGNMENTS)
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(handled).containsExactly("alone e1");
    }

    @Test
    void a_record_failing_twice_in_a_run_is_retried_from_itself_and_handled_once_the_ones_before_it_committed() {
        unreachableFor = "e2";
        failuresLeft = 2;
        var partition = new TopicPartition(Topics.DISPATCH_ASSIGNMENTS, 0);
        var log = List.of(at(0, accepted("e1")), at(1, accepted("e2")), at(2, accepted("e3")));
        var consumer = new MockConsumer<String, byte[]>("earliest");
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        // the chassis' error handler (KafkaConfiguration): retries the failed record, then dead-letters; no wait here
        var deadLettered = new ArrayList<ConsumerRecord<?, ?>>();
        var errorHandler = new DefaultErrorHandler((record, e) -> deadLettered.add(record), new FixedBackOff(0, 3));
        errorHandler.addNotRetryableExceptions(PoisonEventException.class);
        var properties = new ContainerProperties(Topics.DISPATCH_ASSIGNMENTS);
        properties.setSyncCommitTimeout(Duration.ofSeconds(5));
        var container = mock(MessageListenerContainer.class);
        when(container.getContainerProperties()).thenReturn(properties);
        when(container.isRunning()).thenReturn(true);

        var polled = new ArrayList<List<String>>();
        var committedAfterFirstFailure = new ArrayList<Long>();
        // the container's loop: a handled poll is committed whole; a failed one goes to the error handler
        for (var poll = poll(consumer, log); !poll.isEmpty(); poll = poll(consumer, log)) {
            polled.add(poll.records(partition).stream()
                    .map(r -> EventDispatcher.header(r, CloudEventHeaders.ID))
                    .toList());
            try {
                dispatcher.onMessage(poll.records(partition));
                consumer.commitSync();
            } catch (RuntimeException e) {
                try {
                    errorHandler.handleBatch(e, poll, consumer, container, () -> {});
                } catch (RuntimeException seekToCurrent) {
                    // the container logs it and polls again, from the failed record
                }
                if (committedAfterFirstFailure.isEmpty()) {
                    committedAfterFirstFailure.add(committed(consumer, partition));
                }
            }
        }

        assertThat(polled).containsExactly(List.of("e1", "e2", "e3"), List.of("e2", "e3"), List.of("e2", "e3"));
        assertThat(committedAfterFirstFailure).containsExactly(1L);
        assertThat(handled).containsExactly("alone e1", "together [e2, e3]");
        assertThat(deadLettered).isEmpty();
        assertThat(committed(consumer, partition)).isEqualTo(3);
    }

    /** MockConsumer forgets what it returned; the broker's log does not: each poll reads from the position. */
    private static ConsumerRecords<String, byte[]> poll(
            MockConsumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> log) {
        log.forEach(consumer::addRecord);
        return consumer.poll(Duration.ZERO);
    }

    /** The partition's committed offset; -1 when nothing was committed. */
    private static long committed(MockConsumer<String, byte[]> consumer, TopicPartition partition) {
        var committed = consumer.committed(Set.of(partition)).get(partition);
        return committed == null ? -1 : committed.offset();
    }

    private static ConsumerRecord<String, byte[]> at(long offset, ConsumerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(
                record.topic(),
                0,
                offset,
                0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0,
                0,
                record.key(),
                record.value(),
                record.headers(),
                java.util.Optional.empty());
    }

    static ConsumerRecord<String, byte[]> accepted(String id) {
        var record = record(Topics.DISPATCH_ASSIGNMENTS, "/aftersales/dispatch", EventDispatcherTest.accepted());
        record.headers().remove(CloudEventHeaders.ID);
        record.headers().add(CloudEventHeaders.ID, id.getBytes(UTF_8));
        return record;
    }

    static ConsumerRecord<String, byte[]> declined(String id) {
        var record = accepted(id);
        record.headers().remove(CloudEventHeaders.TYPE);
        record.headers()
                .add(
                        CloudEventHeaders.TYPE,
                        EventCatalog.ofPayload(AssignmentDeclined.class).type().getBytes(UTF_8));
        var payload = EventJson.write(new AssignmentDeclined("ASG-1", "C-1", "T-001", "busy", false, Instant.now()));
        return new ConsumerRecord<>(
                record.topic(),
                0,
                0,
                0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0,
                0,
                "C-1",
                payload.getBytes(UTF_8),
                record.headers(),
                java.util.Optional.empty());
    }
}
