package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.intake.complaint.adapter.mongo.CaseBacklogGauges;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hotline dashboard's "who is waiting for a first answer" gauges. The context is shared with the
 * other slice tests, so each assertion compares two refreshes around one change of this test's own.
 */
class CaseBacklogGaugesTest extends HotlineSliceTest {

    @Autowired
    CaseBacklogGauges backlog;

    double gauge(String name, String... tags) {
        return meters.find(name).tags(tags).gauge().value();
    }

    @Test
    void a_new_case_waits_for_an_answer_and_is_overdue_from_its_first_answer_deadline() {
        backlog.refresh();
        var unanswered = gauge("aftersales.intake.cases.unanswered");
        var open = gauge("aftersales.intake.cases.open", "status", "OPEN");

        var id = registered(Hotline.form());
        backlog.refresh();
        assertThat(gauge("aftersales.intake.cases.unanswered")).isEqualTo(unanswered + 1);
        assertThat(gauge("aftersales.intake.cases.open", "status", "OPEN")).isEqualTo(open + 1);

        var due = Instant.parse(hotline.caseView(AGENT, id)
                .path("clocks")
                .path("firstAnswer")
                .path("dueAt")
                .asString());
        clock.set(due.minusMillis(1));
        backlog.refresh();
        var overdue = gauge("aftersales.intake.cases.unanswered.overdue");
        clock.set(due);
        backlog.refresh();
        assertThat(gauge("aftersales.intake.cases.unanswered.overdue")).isEqualTo(overdue + 1);
        assertThat(gauge("aftersales.intake.cases.unanswered.oldest")).isGreaterThanOrEqualTo(4 * 3600);
    }
}
