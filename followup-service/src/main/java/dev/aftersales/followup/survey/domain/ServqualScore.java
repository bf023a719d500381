package dev.aftersales.followup.survey.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * SERVQUAL gap scores: overall and by dimension, over {@code customers} answered surveys.
 * A customer's score is the mean over their questions (by dimension: over that dimension's
 * questions); a group's (technician, dealer, product line, period) is the mean over its customers.
 */
public record ServqualScore(int customers, double overall, Map<ServqualDimension, Double> byDimension) {

    public ServqualScore {
        byDimension = Map.copyOf(byDimension);
    }

    public static ServqualScore ofCustomer(List<Answer> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a survey without answers has no score");
        }
        var byDimension = new EnumMap<ServqualDimension, Double>(ServqualDimension.class);
        for (var d : ServqualDimension.values()) {
            answers.stream()
                    .filter(a -> a.dimension() == d)
                    .mapToInt(Answer::gap)
                    .average()
                    .ifPresent(mean -> byDimension.put(d, mean));
        }
        var overall = answers.stream().mapToInt(Answer::gap).average().orElseThrow();
        return new ServqualScore(1, overall, byDimension);
    }

    /** The mean over customers' scores; a dimension's mean is over the customers who answered it. */
    public static ServqualScore meanOf(Collection<ServqualScore> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("a group without customers has no score");
        }
        var byDimension = new EnumMap<ServqualDimension, Double>(ServqualDimension.class);
        for (var d : ServqualDimension.values()) {
            customers.stream()
                    .filter(s -> s.byDimension.containsKey(d))
                    .mapToDouble(s -> s.byDimension.get(d))
                    .average()
                    .ifPresent(mean -> byDimension.put(d, mean));
        }
        var overall =
                customers.stream().mapToDouble(ServqualScore::overall).average().orElseThrow();
        var count = customers.stream().mapToInt(ServqualScore::customers).sum();
        return new ServqualScore(count, overall, byDimension);
    }
}
