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

    @Test
    void every_topic_has_one_owner_the_service_of_its_types() {
        assertThat(EventCatalog.ownerOf(Topics.INTAKE_COMPLAINTS)).hasValue("intake");
        assertThat(EventCatalog.ownerOf(Topics.PARTS_STOCK)).hasValue("parts");
        assertThat(EventCatalog.ownerOf("intake.complaints.v1.dispatch.DLT")).isEmpty();
        assertThat(Arrays.stream(EventCatalog.values()))
                .allSatisfy(e -> assertThat(EventCatalog.ownerOf(e.topic())).hasValue(e.service()));
        assertThat(EventCatalog.topicsOf("dispatch"))
                .containsExactly(Topics.DISPATCH_ARCHIVE, Topics.DISPATCH_ASSIGNMENTS, Topics.DISPATCH_CUSTOMERS);
    }

    @Test
    void dead_letters_and_replays_are_named_per_consumer() {
        assertThat(Topics.deadLetterOf(Topics.INTAKE_COMPLAINTS, "dispatch"))
                .isEqualTo("intake.complaints.v1.dispatch.DLT");
        assertThat(Topics.replayOf(Topics.INTAKE_COMPLAINTS, "dispatch"))
                .isEqualTo("intake.complaints.v1.dispatch.replay");
        assertThat(Topics.deadLetterOf(Topics.INTAKE_COMPLAINTS, "dispatch"))
                .isNotEqualTo(Topics.deadLetterOf(Topics.INTAKE_COMPLAINTS, "parts"));
    }
}
