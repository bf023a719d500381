package dev.aftersales.followup.survey.application;

import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.survey.domain.ServqualScore;
import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * SERVQUAL scores grouped by technician, dealer, product line, period (calendar month of the business
 * time zone) or customer:
 * each group's mean over its customers' scores (one answered survey = one customer's score).
 */
@Service
public class ScoreServqual {

    /** What to group by. */
    public enum Grouping {
        CUSTOMER((s, zone) -> s.subject().customerId()),
        TECHNICIAN((s, zone) -> s.subject().technicianId()),
        DEALER((s, zone) -> s.subject().dealerId()),
        PRODUCT_LINE((s, zone) -> s.subject().productLine()),
        PERIOD((s, zone) -> MONTH.format(s.answeredAt().atZone(zone))),
        ALL((s, zone) -> "all");

        private final BiFunction<Survey, ZoneId, String> key;

        Grouping(BiFunction<Survey, ZoneId, String> key) {
            this.key = key;
        }
    }

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    public record GroupScore(String key, ServqualScore score) {}

    private final Surveys surveys;
    private final ZoneId businessZone;

    @Autowired
    ScoreServqual(Surveys surveys, FollowupProperties properties) {
        this(surveys, properties.businessZone());
    }

    ScoreServqual(Surveys surveys, ZoneId businessZone) {
        this.surveys = surveys;
        this.businessZone = businessZone;
    }

    /**
     * Groups with at least one customer answered in the period, by key; surveys without a key for the
     * grouping are left out.
     */
    public List<GroupScore> by(Grouping grouping, ReportPeriod period) {
        return grouped(surveys.answeredBetween(period.start(), period.end()), grouping);
    }

    /** The dealer's own scores over a period, grouped (by technician, period or all). */
    public List<GroupScore> ofDealer(String dealerId, ReportPeriod period, Grouping grouping) {
        return grouped(surveys.ofDealer(dealerId, period.start(), period.end()), grouping);
    }

    private List<GroupScore> grouped(List<Survey> answered, Grouping grouping) {
        Function<Survey, String> key = s -> grouping.key.apply(s, businessZone);
        Map<String, List<ServqualScore>> byKey = answered.stream()
                .filter(s -> key.apply(s) != null)
                .collect(Collectors.groupingBy(
                        key, TreeMap::new, Collectors.mapping(Survey::score, Collectors.toList())));
        return byKey.entrySet().stream()
                .map(e -> new GroupScore(e.getKey(), ServqualScore.meanOf(e.getValue())))
                .toList();
    }
}
