package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A dealer's first-time-fix rate over a period, in all and per technician: of the visits completed,
 * those that fixed the machine and were not a repeat visit (another visit to the machine within 30
 * days before) — the same rule as the {@code aftersales.visits.completed} counter the dashboards read.
 */
@Service
public class FirstTimeFix {

    /** Visits and first-time fixes of one technician, or of the whole dealer ({@code technicianId} null). */
    public record Tally(String technicianId, int visits, int firstTimeFixes) {
        /** Null without visits: no rate rather than a rate of zero. */
        public Double rate() {
            return visits == 0 ? null : Math.round(1000.0 * firstTimeFixes / visits) / 1000.0;
        }
    }

    public record DealerFirstTimeFix(String dealerId, ReportPeriod period, Tally dealer, List<Tally> technicians) {}

    private final Assignments assignments;

    FirstTimeFix(Assignments assignments) {
        this.assignments = assignments;
    }

    public DealerFirstTimeFix of(String dealerId, ReportPeriod period) {
        var completed = assignments.completedForDealer(dealerId, period.start(), period.end()).stream()
                .filter(a -> a.visit() != null && period.covers(a.visit().completedAt()))
                .toList();
        Map<String, List<Assignment>> byTechnician = completed.stream()
                .filter(a -> a.technicianId() != null)
                .collect(Collectors.groupingBy(Assignment::technicianId, TreeMap::new, Collectors.toList()));
        var technicians = byTechnician.entrySet().stream()
                .map(e -> tally(e.getKey(), e.getValue()))
                .toList();
        return new DealerFirstTimeFix(dealerId, period, tally(null, completed), technicians);
    }

    private static Tally tally(String technicianId, List<Assignment> visits) {
        var fixes = (int) visits.stream()
                .filter(a -> a.visit().fixed() && !a.repeatVisit())
                .count();
        return new Tally(technicianId, visits.size(), fixes);
    }
}
