package dev.aftersales.dispatch.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.dispatch.archive.domain.Warranty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TechnicianBriefTest {

    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    static final Warranty WARRANTY = new Warranty(LocalDate.parse("2026-03-09"), LocalDate.parse("2028-03-09"));

    @Test
    void the_warranty_is_judged_on_the_day_the_customer_called_to_its_last_day() {
        assertThat(CaseWarranty.on(LocalDate.parse("2026-03-09"), WARRANTY).status())
                .isEqualTo(CaseWarranty.Status.WHOLE_MACHINE);
        assertThat(CaseWarranty.on(LocalDate.parse("2026-03-10"), WARRANTY).status())
                .isEqualTo(CaseWarranty.Status.MAIN_PARTS_ONLY);
        assertThat(CaseWarranty.on(LocalDate.parse("2028-03-10"), WARRANTY).status())
                .isEqualTo(CaseWarranty.Status.EXPIRED);
        assertThat(CaseWarranty.on(LocalDate.parse("2026-03-10"), null))
                .isEqualTo(new CaseWarranty(CaseWarranty.Status.UNKNOWN, null, null));
        assertThat(CaseWarranty.on(LocalDate.parse("2026-03-10"), new Warranty(null, null))
                        .status())
                .isEqualTo(CaseWarranty.Status.UNKNOWN);
    }

    @Test
    void earlier_visits_are_the_machines_other_completed_visits_newest_first_at_most_five() {
        var machine = new java.util.ArrayList<Assignment>();
        for (int i = 1; i <= 7; i++) {
            machine.add(completed("C-" + i, NOW.minus(Duration.ofDays(100 - i))));
        }
        var current = Fixtures.assignedToOriginalInstaller("C-NOW", "WP-1", NOW);
        machine.add(current);
        machine.add(Fixtures.assignedToOriginalInstaller("C-OPEN", "WP-1", NOW)); // not completed

        var earlier = EarlierVisit.of(machine, current.id(), NOW);

        assertThat(earlier).extracting(EarlierVisit::complaintId).containsExactly("C-7", "C-6", "C-5", "C-4", "C-3");
        assertThat(earlier.get(0).diagnosis()).isEqualTo("滤芯堵塞");
    }

    @Test
    void a_repeat_failure_is_another_cases_visit_within_30_days_before_this_case_began() {
        var began = NOW;
        var within = visit("C-OTHER", began.minus(Duration.ofDays(30)));
        var tooEarly = visit("C-OLD", began.minus(Duration.ofDays(30)).minusSeconds(1));
        var sameCase = visit("C-NOW", began.minus(Duration.ofDays(2)));
        var afterwards = visit("C-LATER", began.plus(Duration.ofDays(1)));

        assertThat(EarlierVisit.repeatFailure(List.of(within), "C-NOW", began)).isTrue();
        assertThat(EarlierVisit.repeatFailure(List.of(tooEarly, sameCase, afterwards), "C-NOW", began))
                .isFalse();
    }

    private static EarlierVisit visit(String complaintId, Instant completedAt) {
        return new EarlierVisit(complaintId, null, completedAt, "滤芯堵塞", null, true, "T-1");
    }

    private static Assignment completed(String complaintId, Instant at) {
        var assignment = Fixtures.assignedToOriginalInstaller(complaintId, "WP-1", at);
        assignment.complete(new Visit("滤芯堵塞", "水质差", List.of(), BigDecimal.ZERO, true, at));
        return assignment;
    }
}
