package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.dispatch.assignment.domain.AssignmentTest.NOW;
import static dev.aftersales.dispatch.assignment.domain.AssignmentTest.assignedToT001;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.raised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.contracts.dispatch.FeeQuoted;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.dispatch.archive.domain.Warranty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeQuoteTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    final FeeSchedule schedule =
            new FeeSchedule(new BigDecimal("30"), new BigDecimal("50"), Map.of("INSTALLATION", new BigDecimal("0")));
    final List<QuotedPart> filter = List.of(new QuotedPart("FLT-RO-01", 2, new BigDecimal("45.50")));

    @Test
    void in_the_whole_machine_warranty_the_visit_is_free() {
        var quote = schedule.quote(new Warranty(TODAY, TODAY.plusYears(2)), TODAY, "REPAIR", filter, NOW);

        assertThat(quote.inWarranty()).isTrue();
        assertThat(quote.total()).isEqualByComparingTo("0");
    }

    @Test
    void after_it_door_fee_labour_and_parts_are_charged() {
        var quote = schedule.quote(new Warranty(TODAY.minusDays(1), TODAY.minusDays(1)), TODAY, "REPAIR", filter, NOW);

        assertThat(quote.inWarranty()).isFalse();
        assertThat(quote.doorFee()).isEqualByComparingTo("30");
        assertThat(quote.labour()).isEqualByComparingTo("50");
        assertThat(quote.parts()).isEqualByComparingTo("91.00");
        assertThat(quote.total()).isEqualByComparingTo("171.00");
    }

    @Test
    void parts_stay_free_while_the_main_parts_warranty_runs_and_labour_follows_the_kind() {
        var quote = schedule.quote(new Warranty(TODAY.minusDays(1), TODAY), TODAY, "INSTALLATION", filter, NOW);

        assertThat(quote.parts()).isEqualByComparingTo("0");
        assertThat(quote.total()).isEqualByComparingTo("30");
    }

    @Test
    void a_machine_without_warranty_on_record_pays() {
        assertThat(schedule.quote(null, TODAY, "REPAIR", List.of(), NOW).total())
                .isEqualByComparingTo("80");
    }

    @Test
    void quoting_raises_fee_quoted() {
        var assignment = assignedToT001();
        var quote = schedule.quote(null, TODAY, "REPAIR", filter, NOW);

        assignment.quote(quote);

        assertThat(raised(assignment, FeeQuoted.class))
                .singleElement()
                .satisfies(q -> assertThat(q.total()).isEqualByComparingTo("171.00"));
    }

    @Test
    void charging_above_the_quote_needs_the_customers_recorded_consent() {
        var assignment = assignedToT001();
        assignment.quote(schedule.quote(null, TODAY, "REPAIR", filter, NOW));

        assertThatThrownBy(() -> assignment.complete(visit("200")))
                .isInstanceOf(ChargeNotConsentedException.class)
                .hasMessageContaining("above the quote of 171.00");
        assignment.recordConsentByCall(new BigDecimal("190"), "客户电话确认", "agent-1", NOW);
        assertThatThrownBy(() -> assignment.complete(visit("200"))).hasMessageContaining("covers only 190");

        assignment.complete(visit("190"));

        assertThat(raised(assignment, VisitCompleted.class)).hasSize(1);
    }

    @Test
    void charging_the_quote_or_less_needs_no_consent_and_without_a_quote_nothing_limits_the_fee() {
        var quoted = assignedToT001();
        quoted.quote(schedule.quote(null, TODAY, "REPAIR", filter, NOW));
        quoted.complete(visit("171.00"));

        var unquoted = assignedToT001();
        unquoted.complete(visit("500"));

        assertThat(raised(quoted, VisitCompleted.class)).hasSize(1);
        assertThat(raised(unquoted, VisitCompleted.class)).hasSize(1);
    }

    static Visit visit(String fee) {
        return new Visit("RO膜破损", "水压过高", List.of(), new BigDecimal(fee), true, NOW.plusSeconds(3600));
    }
}
