package dev.aftersales.followup.casefile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.followup.CustomerDissatisfied;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.followup.FollowupEscalated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    static final Instant NOW = Instant.parse("2026-03-05T08:00:00Z");

    static List<String> types(CaseFile file) {
        return Outbox.of(file.events()).pending().stream().map(e -> e.type()).toList();
    }

    @Test
    void not_solved_or_satisfaction_of_two_or_less_is_dissatisfied_and_starts_the_next_round() {
        var file = CaseFile.open("C-1");

        assertThat(file.surveyAnswered(false, 4, 3, NOW)).isEqualTo(1);
        assertThat(file.round()).isEqualTo(2);
        assertThat(file.surveyAnswered(true, 2, 3, NOW)).isEqualTo(2);
        assertThat(file.round()).isEqualTo(3);
        assertThat(file.state()).isEqualTo(FollowupState.OPEN);

        var events = Outbox.of(file.events()).pending();
        assertThat(EventJson.read(events.get(0).payload().getBytes(), CustomerDissatisfied.class))
                .isEqualTo(new CustomerDissatisfied("C-1", 1, false, 4, "not solved", NOW));
        assertThat(EventJson.read(events.get(1).payload().getBytes(), CustomerDissatisfied.class))
                .isEqualTo(new CustomerDissatisfied("C-1", 2, true, 2, "satisfaction 2", NOW));
    }

    @Test
    void solved_with_satisfaction_three_or_more_ends_the_loop_satisfied() {
        var file = CaseFile.open("C-2");
        file.surveyAnswered(false, 1, 3, NOW);

        file.surveyAnswered(true, 3, 3, NOW);

        assertThat(file.state()).isEqualTo(FollowupState.SATISFIED);
        assertThat(EventJson.read(
                        Outbox.of(file.events()).pending().get(1).payload().getBytes(), CustomerSatisfied.class))
                .isEqualTo(new CustomerSatisfied("C-2", 2, 3, NOW));
    }

    @Test
    void dissatisfied_in_the_last_allowed_round_escalates_to_a_supervisor() {
        var file = CaseFile.open("C-3");
        file.surveyAnswered(false, 1, 3, NOW);
        file.surveyAnswered(false, 1, 3, NOW);
        assertThat(types(file)).doesNotContain(EventCatalog.FOLLOWUP_ESCALATED.type());

        file.surveyAnswered(false, 1, 3, NOW);

        assertThat(file.state()).isEqualTo(FollowupState.ESCALATED);
        assertThat(types(file))
                .containsExactly(
                        EventCatalog.CUSTOMER_DISSATISFIED.type(),
                        EventCatalog.CUSTOMER_DISSATISFIED.type(),
                        EventCatalog.CUSTOMER_DISSATISFIED.type(),
                        EventCatalog.FOLLOWUP_ESCALATED.type());
        assertThat(EventJson.read(
                                Outbox.of(file.events())
                                        .pending()
                                        .get(3)
                                        .payload()
                                        .getBytes(),
                                FollowupEscalated.class)
                        .rounds())
                .isEqualTo(3);
    }

    @Test
    void a_visit_belongs_to_the_round_it_completed_in_and_is_recorded_once() {
        var file = CaseFile.open("C-4");
        var first = NOW.minusSeconds(3600);
        file.visitCompleted("ASG-C-4", "WP-4", "T-1", "D-1", List.of("FLT-1"), true, first);
        file.visitCompleted("ASG-C-4", "WP-4", "T-1", "D-1", List.of("FLT-1"), true, first);
        file.surveyAnswered(false, 1, 3, NOW);
        file.visitCompleted("ASG-C-4", "WP-4", "T-2", "D-1", List.of(), true, NOW.plusSeconds(3600));

        assertThat(file.roundOfVisit("ASG-C-4", first)).contains(1);
        assertThat(file.roundOfVisit("ASG-C-4", NOW.plusSeconds(3600))).contains(2);
        assertThat(file.visits()).hasSize(2);
        assertThat(file.technicianId()).isEqualTo("T-2");
        assertThat(file.steps())
                .extracting(CaseStep::what)
                .filteredOn(w -> w.startsWith("visit"))
                .hasSize(2);
    }
}
