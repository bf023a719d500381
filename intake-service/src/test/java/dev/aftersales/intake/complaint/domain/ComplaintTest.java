package dev.aftersales.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static ComplaintForm form(String... phones) {
        return new ComplaintForm(
                new Customer("王芳", List.of(phones), "上海市浦东新区张江路88号", "310115"),
                new Machine("WP-0001", "RO-400", "400G", LocalDate.parse("2024-03-01"), "B2403"),
                LocalDate.parse("2024-05-01"),
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                "漏水",
                "尽快上门");
    }

    static Complaint registered() {
        return Complaint.register("C-1", form("13812345678", "021-12345678"), "agent-1", NOW, SlaPolicy.DEFAULT);
    }

    static TimelineEntry entry(Milestone what, Duration after) {
        return new TimelineEntry(NOW.plus(after), what, what.name(), null);
    }

    @Test
    void a_registered_case_is_open_normal_and_has_its_sla_clocks_started() {
        var complaint = registered();

        assertThat(complaint.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(complaint.priority()).isEqualTo(Priority.NORMAL);
        assertThat(complaint.sla()).isEqualTo(SlaPolicy.DEFAULT.deadlinesFrom(NOW));
        assertThat(complaint.timeline()).singleElement().satisfies(e -> {
            assertThat(e.what()).isEqualTo(Milestone.REGISTERED);
            assertThat(e.at()).isEqualTo(NOW);
        });
    }

    @Test
    void registering_raises_complaint_registered_with_the_first_phone_as_contact() {
        var complaint = registered();

        assertThat(Outbox.of(complaint.events()).pending()).singleElement().satisfies(pending -> {
            assertThat(pending.type()).isEqualTo(EventCatalog.COMPLAINT_REGISTERED.type());
            assertThat(pending.key()).isEqualTo("C-1");
            var event = EventJson.read(pending.payload().getBytes(StandardCharsets.UTF_8), ComplaintRegistered.class);
            assertThat(event.complaintId()).isEqualTo("C-1");
            assertThat(event.contact().phone()).isEqualTo("13812345678");
            assertThat(event.contact().name()).isEqualTo("王芳");
            assertThat(event.serialNumber()).isEqualTo("WP-0001");
            assertThat(event.takenBy()).isEqualTo("agent-1");
            assertThat(event.onSiteDue()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void a_case_needs_a_valid_phone() {
        assertThatThrownBy(() -> form()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> form("13812345678", "12")).hasMessageContaining("phones[1]");
    }

    @Test
    void the_timeline_stays_in_time_order_whatever_order_events_arrive_in() {
        var complaint = registered();

        complaint.record("e3", entry(Milestone.VISIT_COMPLETED, Duration.ofHours(5)));
        complaint.record("e1", entry(Milestone.TECHNICIAN_ASSIGNED, Duration.ofMinutes(1)));
        complaint.record("e2", entry(Milestone.PARTS_REQUESTED, Duration.ofHours(2)));

        assertThat(complaint.timeline())
                .extracting(TimelineEntry::what)
                .containsExactly(
                        Milestone.REGISTERED,
                        Milestone.TECHNICIAN_ASSIGNED,
                        Milestone.PARTS_REQUESTED,
                        Milestone.VISIT_COMPLETED);
    }

    @Test
    void a_redelivered_event_adds_nothing() {
        var complaint = registered();

        assertThat(complaint.record("e1", entry(Milestone.TECHNICIAN_ASSIGNED, Duration.ofMinutes(1))))
                .isTrue();
        assertThat(complaint.record("e1", entry(Milestone.TECHNICIAN_ASSIGNED, Duration.ofMinutes(1))))
                .isFalse();

        assertThat(complaint.timeline()).hasSize(2);
    }

    @Test
    void the_status_follows_the_latest_assignment_fact_in_time_not_in_arrival_order() {
        var complaint = registered();
        complaint.record("visit", entry(Milestone.VISIT_COMPLETED, Duration.ofHours(5)));
        complaint.record("assigned", entry(Milestone.TECHNICIAN_ASSIGNED, Duration.ofHours(1)));
        complaint.record("escalated", entry(Milestone.ASSIGNMENT_ESCALATED, Duration.ofMinutes(1)));

        assertThat(complaint.status()).isEqualTo(ComplaintStatus.AWAITING_RETURN_CALL);
    }

    @Test
    void an_escalated_case_is_assigned_once_a_technician_is_found() {
        var complaint = registered();
        complaint.record("escalated", entry(Milestone.ASSIGNMENT_ESCALATED, Duration.ofMinutes(1)));
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.ESCALATED);

        complaint.record("assigned", entry(Milestone.TECHNICIAN_ASSIGNED, Duration.ofMinutes(30)));
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.ASSIGNED);
    }

    @Test
    void parts_and_return_calls_do_not_change_the_status() {
        var complaint = registered();
        complaint.record("assigned", entry(Milestone.TECHNICIAN_ASSIGNED, Duration.ofMinutes(1)));
        complaint.record("parts", entry(Milestone.PARTS_BACKORDERED, Duration.ofMinutes(2)));

        assertThat(complaint.status()).isEqualTo(ComplaintStatus.ASSIGNED);
    }
}
