package dev.aftersales.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void every_type_names_its_service_record_and_version() {
        assertThat(EventCatalog.COMPLAINT_REGISTERED.type()).isEqualTo("aftersales.intake.ComplaintRegistered.v1");
        assertThat(Arrays.stream(EventCatalog.values()))
                .allSatisfy(e -> assertThat(e.type())
                        .isEqualTo("aftersales." + e.service() + "."
                                + e.payloadType().getSimpleName() + ".v1"));
    }

    @Test
    void every_event_travels_on_a_topic_of_its_own_service() {
        assertThat(Arrays.stream(EventCatalog.values()))
                .allSatisfy(
                        e -> assertThat(e.topic()).startsWith(e.service() + ".").endsWith(".v1"));
    }

    @Test
    void unknown_types_are_not_an_error() {
        assertThat(EventCatalog.ofType("aftersales.intake.SomethingNew.v9")).isEmpty();
    }
}
