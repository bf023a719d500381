package dev.aftersales.followup.survey.application;

import static dev.aftersales.followup.survey.domain.ServqualDimension.ASSURANCE;
import static dev.aftersales.followup.survey.domain.ServqualDimension.EMPATHY;
import static dev.aftersales.followup.survey.domain.ServqualDimension.RELIABILITY;
import static dev.aftersales.followup.survey.domain.ServqualDimension.RESPONSIVENESS;
import static dev.aftersales.followup.survey.domain.ServqualDimension.TANGIBLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.followup.survey.domain.Question;
import dev.aftersales.followup.survey.domain.Questionnaire;
import dev.aftersales.followup.survey.domain.ServqualDimension;
import dev.aftersales.followup.survey.domain.ServqualScore;
import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hand-computed example. Gaps (perception − expectation) per question, two per dimension:
 *
 * <pre>
 *              REL1 REL2 | RES1 RES2 | ASS1 ASS2 | EMP1 EMP2 | TAN1 TAN2 | sum  mean
 * customer A:   -2   -1  |   0   -2  |  +1   +1  |  -3   -1  |  +1    0  |  -6  -0.6
 *   by dim:      -1.5    |    -1     |    +1     |    -2     |   +0.5
 * customer B:    0   -1  |  +1    0  |  -2   -1  |  +2    0  |  -3   -1  |  -5  -0.5
 *   by dim:      -0.5    |   +0.5    |   -1.5    |    +1     |    -2
 * technician T-1 (A, B): overall -0.55; REL -1, RES -0.25, ASS -0.25, EMP -0.5, TAN -0.75
 * dealer D-1 (A): = A; dealer D-2 (B): = B
 * </pre>
 */
class ScoreServqualTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final Questionnaire QUESTIONNAIRE = new Questionnaire(
            "test-v1",
            1,
            "en",
            "test",
            List.of(
                    new Question("REL1", RELIABILITY, "r1"),
                    new Question("REL2", RELIABILITY, "r2"),
                    new Question("RES1", RESPONSIVENESS, "s1"),
                    new Question("RES2", RESPONSIVENESS, "s2"),
                    new Question("ASS1", ASSURANCE, "a1"),
                    new Question("ASS2", ASSURANCE, "a2"),
                    new Question("EMP1", EMPATHY, "e1"),
                    new Question("EMP2", EMPATHY, "e2"),
                    new Question("TAN1", TANGIBLES, "t1"),
                    new Question("TAN2", TANGIBLES, "t2")),
            "solved?",
            "satisfied?",
            "suggestions?");

    static final String[] IDS = {"REL1", "REL2", "RES1", "RES2", "ASS1", "ASS2", "EMP1", "EMP2", "TAN1", "TAN2"};

    /** @param pairs expectation, perception for each question in order */
    static Survey survey(String call, String customer, String technician, String dealer, int... pairs) {
        var given = new ArrayList<Survey.Given>();
        for (int i = 0; i < IDS.length; i++) {
            given.add(new Survey.Given(IDS[i], pairs[2 * i], pairs[2 * i + 1]));
        }
        return Survey.answer(
                call,
                QUESTIONNAIRE,
                new Survey.Subject("C-" + call, 1, customer, technician, dealer, "purifiers", "WP-200"),
                given,
                true,
                4,
                null,
                "agent-1",
                AT);
    }

    static final Survey A =
            survey("A", "CU-A", "T-1", "D-1", 7, 5, 6, 5, 5, 5, 6, 4, 4, 5, 5, 6, 6, 3, 5, 4, 3, 4, 4, 4);
    static final Survey B =
            survey("B", "CU-B", "T-1", "D-2", 7, 7, 7, 6, 6, 7, 6, 6, 5, 3, 6, 5, 4, 6, 5, 5, 5, 2, 5, 4);

    record InMemorySurveys(List<Survey> all) implements Surveys {
        @Override
        public Optional<Survey> find(String id) {
            return all.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public boolean add(Survey survey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Survey> ofDealer(String dealerId, java.time.Instant from, java.time.Instant until) {
            return all.stream()
                    .filter(s -> dealerId.equals(s.subject().dealerId()))
                    .filter(s ->
                            !s.answeredAt().isBefore(from) && s.answeredAt().isBefore(until))
                    .toList();
        }

        @Override
        public List<Survey> answeredBetween(java.time.Instant from, java.time.Instant until) {
            return all.stream()
                    .filter(s ->
                            !s.answeredAt().isBefore(from) && s.answeredAt().isBefore(until))
                    .toList();
        }
    }

    /** March 2026 in the business zone: both surveys were answered in it. */
    static final ReportPeriod MARCH = ReportPeriod.of(
            "2026-03-01",
            "2026-03-31",
            java.time.Clock.fixed(AT, ZoneId.of("Asia/Shanghai")),
            ZoneId.of("Asia/Shanghai"));

    final ScoreServqual scores = new ScoreServqual(new InMemorySurveys(List.of(A, B)), ZoneId.of("Asia/Shanghai"));

    static void assertScore(ServqualScore score, int customers, double overall, double... byDimension) {
        assertThat(score.customers()).isEqualTo(customers);
        assertThat(score.overall()).isCloseTo(overall, within(1e-9));
        var dims = ServqualDimension.values();
        for (int i = 0; i < dims.length; i++) {
            assertThat(score.byDimension().get(dims[i])).as(dims[i].name()).isCloseTo(byDimension[i], within(1e-9));
        }
    }

    static Map<String, ServqualScore> byKey(List<ScoreServqual.GroupScore> groups) {
        var map = new java.util.TreeMap<String, ServqualScore>();
        groups.forEach(g -> map.put(g.key(), g.score()));
        return map;
    }

    @Test
    void a_customers_score_is_the_mean_gap_over_questions_overall_and_by_dimension() {
        assertScore(A.score(), 1, -0.6, -1.5, -1, 1, -2, 0.5);
        assertScore(B.score(), 1, -0.5, -0.5, 0.5, -1.5, 1, -2);
        assertThat(byKey(scores.by(ScoreServqual.Grouping.CUSTOMER, MARCH))).containsOnlyKeys("CU-A", "CU-B");
    }

    @Test
    void a_technicians_score_is_the_mean_over_their_customers() {
        var technicians = byKey(scores.by(ScoreServqual.Grouping.TECHNICIAN, MARCH));

        assertThat(technicians).containsOnlyKeys("T-1");
        assertScore(technicians.get("T-1"), 2, -0.55, -1, -0.25, -0.25, -0.5, -0.75);
    }

    @Test
    void a_dealers_score_is_the_mean_over_their_customers() {
        var dealers = byKey(scores.by(ScoreServqual.Grouping.DEALER, MARCH));

        assertScore(dealers.get("D-1"), 1, -0.6, -1.5, -1, 1, -2, 0.5);
        assertScore(dealers.get("D-2"), 1, -0.5, -0.5, 0.5, -1.5, 1, -2);
    }

    @Test
    void a_dealer_reads_only_its_own_customers_scores_and_only_those_of_the_period() {
        var zone = ZoneId.of("Asia/Shanghai");
        var march = dev.aftersales.chassis.time.ReportPeriod.of(
                "2026-03-01", "2026-03-31", java.time.Clock.fixed(AT, zone), zone);
        var april = dev.aftersales.chassis.time.ReportPeriod.of(
                "2026-04-01", "2026-04-30", java.time.Clock.fixed(AT, zone), zone);

        var own = byKey(scores.ofDealer("D-1", march, ScoreServqual.Grouping.TECHNICIAN));

        assertThat(own).containsOnlyKeys("T-1");
        assertScore(own.get("T-1"), 1, -0.6, -1.5, -1, 1, -2, 0.5);
        assertThat(scores.ofDealer("D-1", april, ScoreServqual.Grouping.ALL)).isEmpty();
    }

    @Test
    void product_line_and_period_group_the_same_way_and_the_published_gap_has_two_decimals() {
        assertScore(
                byKey(scores.by(ScoreServqual.Grouping.PRODUCT_LINE, MARCH)).get("purifiers"),
                2,
                -0.55,
                -1,
                -0.25,
                -0.25,
                -0.5,
                -0.75);
        assertThat(byKey(scores.by(ScoreServqual.Grouping.PERIOD, MARCH))).containsOnlyKeys("2026-03");
        var april = ReportPeriod.of(
                "2026-04-01",
                "2026-04-30",
                java.time.Clock.fixed(AT, ZoneId.of("Asia/Shanghai")),
                ZoneId.of("Asia/Shanghai"));
        assertThat(scores.by(ScoreServqual.Grouping.ALL, april)).isEmpty();
        assertThat(Survey.rounded(-0.55)).isEqualTo(new BigDecimal("-0.55"));
        assertThat(Survey.rounded(A.score().overall())).isEqualTo(new BigDecimal("-0.60"));
    }
}
