package dev.aftersales.followup.survey.application;

import dev.aftersales.followup.survey.domain.ServqualScore;
import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * SERVQUAL scores grouped by technician, dealer, product line, period (month, UTC) or customer:
 * each group's mean over its customers' scores (one answered survey = one customer's score).
 */
@Service
public class ScoreServqual {

    /** What to group by. */
    public enum Grouping {
        CUSTOMER(s -> s.subject().customerId()),
        TECHNICIAN(s -> s.subject().technicianId()),
        DEALER(s -> s.subject().dealerId()),
        PRODUCT_LINE(s -> s.subject().productLine()),
        PERIOD(s -> MONTH.format(s.answeredAt().atZone(ZoneOffset.UTC))),
        ALL(s -> "all");

        private final Function<Survey, String> key;

        Grouping(Function<Survey, String> key) {
            this.key = key;
        }
    }

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    public record GroupScore(String key, ServqualScore score) {}

    private final Surveys surveys;

    ScoreServqual(Surveys surveys) {
        this.surveys = surveys;
    }

    /** Groups with at least one customer, by key; surveys without a key for the grouping are left out. */
    public List<GroupScore> by(Grouping grouping) {
        Map<String, List<ServqualScore>> byKey = surveys.all().stream()
                .filter(s -> grouping.key.apply(s) != null)
                .collect(Collectors.groupingBy(
                        grouping.key, TreeMap::new, Collectors.mapping(Survey::score, Collectors.toList())));
        return byKey.entrySet().stream()
                .map(e -> new GroupScore(e.getKey(), ServqualScore.meanOf(e.getValue())))
                .toList();
    }
}
