package dev.aftersales.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.bounds.RecordBounds;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBoundsTest {

    @Test
    void every_text_list_and_map_of_every_event_has_a_size_bound() {
        List<Class<?>> payloads = Arrays.stream(EventCatalog.values())
                .<Class<?>>map(EventCatalog::payloadType)
                .toList();
        assertThat(RecordBounds.unboundedIn(payloads)).isEmpty();
    }

    @Test
    void the_check_finds_what_is_unbounded_down_to_nested_records_and_list_elements() {
        record Line(
                String partNumber,

                @jakarta.validation.constraints.Size(max = 5)
                List<String> notes) {}
        record Event(
                @jakarta.validation.constraints.Size(max = 64)
                String id,

                String text,

                @jakarta.validation.constraints.Size(max = 3)
                List<Line> lines,

                java.util.Map<String, Integer> counts,
                Object anything,
                int count) {}

        assertThat(RecordBounds.unboundedIn(List.of(Event.class)))
                .containsExactlyInAnyOrder(
                        "Event.text: text without @Size(max = …)",
                        "Event.lines[].partNumber: text without @Size(max = …)",
                        "Event.lines[].notes[]: text without @Size(max = …)",
                        "Event.counts: map without @Size(max = …)",
                        "Event.counts{key}: text without @Size(max = …)",
                        "Event.anything: type java.lang.Object cannot be checked; use a record or a bounded type");
    }
}
