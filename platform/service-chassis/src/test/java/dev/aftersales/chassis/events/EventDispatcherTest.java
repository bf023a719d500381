package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records are checked against the catalog before anything reads them: producer, type and topic. */
class EventDispatcherTest {

    final List<ReceivedEvent<AssignmentAccepted>> handled = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final EventDispatcher dispatcher = new EventDispatcher(
            EventSubscriptions.builder()
                    .on(AssignmentAccepted.class, handled::add)
                    .build(),
            new ConsumedTopics("intake", Set.of(Topics.DISPATCH_ASSIGNMENTS, Topics.PARTS_RESERVATIONS)),
            Validation.buildDefaultValidatorFactory().getValidator(),
            meters);

    @Test
    void a_record_from_the_producer_of_its_topic_is_handled() {
        dispatcher.onMessage(record(Topics.DISPATCH_ASSIGNMENTS, "/aftersales/dispatch", accepted()));

        assertThat(handled)
                .singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("/aftersales/dispatch"));
    }

    @Test
    void a_replayed_record_counts_as_one_of_its_origin_topic() {
        dispatcher.onMessage(
                record(Topics.replayOf(Topics.DISPATCH_ASSIGNMENTS, "intake"), "/aftersales/dispatch", accepted()));

        assertThat(handled).hasSize(1);
    }

    @Test
    void a_record_naming_another_producer_is_refused_unread() {
        assertThatThrownBy(() -> dispatcher.onMessage(record(Topics.DISPATCH_ASSIGNMENTS, "/aftersales/parts", "{")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("forged record: ce_source '/aftersales/parts' is not the producer of"
                        + " dispatch.assignments.v1 (/aftersales/dispatch)");
        assertThat(handled).isEmpty();
        assertThat(meters.get("aftersales.events.forged")
                        .tag("topic", Topics.DISPATCH_ASSIGNMENTS)
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_record_without_source_is_refused() {
        assertThatThrownBy(() -> dispatcher.onMessage(record(Topics.DISPATCH_ASSIGNMENTS, null, accepted())))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("ce_source (missing)");
    }

    @Test
    void a_quoted_source_is_bounded_to_one_line_with_phone_numbers_masked() {
        var source = "/aftersales/13812345678\n" + "x".repeat(500);
        assertThatThrownBy(() -> dispatcher.onMessage(record(Topics.DISPATCH_ASSIGNMENTS, source, accepted())))
                .isInstanceOf(PoisonEventException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("13812345678")
                        .doesNotContain("\n")
                        .hasSizeLessThan(250));
    }

    @Test
    void a_type_that_travels_on_another_topic_is_refused_even_from_that_topics_producer() {
        // AssignmentAccepted belongs on dispatch.assignments.v1; parts writing it on its own topic is a forgery.
        assertThatThrownBy(
                        () -> dispatcher.onMessage(record(Topics.PARTS_RESERVATIONS, "/aftersales/parts", accepted())))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("forged record: " + EventCatalog.ASSIGNMENT_ACCEPTED.type()
                        + " travels on dispatch.assignments.v1, not on parts.reservations.v1");
        assertThat(handled).isEmpty();
    }

    static String accepted() {
        return EventJson.write(new AssignmentAccepted("ASG-1", "C-1", "T-001", Instant.now()));
    }

    static ConsumerRecord<String, byte[]> record(String topic, String source, String payload) {
        var record = new ConsumerRecord<String, byte[]>(topic, 0, 0, "C-1", payload.getBytes(UTF_8));
        var headers =
                Map.of(CloudEventHeaders.ID, "evt-1", CloudEventHeaders.TYPE, EventCatalog.ASSIGNMENT_ACCEPTED.type());
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(UTF_8)));
        if (source != null) {
            record.headers().add(CloudEventHeaders.SOURCE, source.getBytes(UTF_8));
        }
        return record;
    }
}
