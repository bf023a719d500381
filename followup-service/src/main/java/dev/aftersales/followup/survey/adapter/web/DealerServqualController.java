package dev.aftersales.followup.survey.adapter.web;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.survey.application.ScoreServqual;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dealer's own SERVQUAL scores over a period (default the last 30 days): in all, per technician or
 * per month. A dealer reads its own only (another dealer's is a 404, as if it did not exist);
 * supervisors read any dealer's. Never per customer: a dealer sees how its customers feel, not who said what.
 */
@RestController
@PreAuthorize("hasAnyRole('DEALER','SUPERVISOR')")
class DealerServqualController {

    private static final Set<ScoreServqual.Grouping> DEALER_GROUPINGS =
            Set.of(ScoreServqual.Grouping.ALL, ScoreServqual.Grouping.TECHNICIAN, ScoreServqual.Grouping.PERIOD);

    private final ScoreServqual scoreServqual;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId businessZone;

    DealerServqualController(
            ScoreServqual scoreServqual, CurrentUser currentUser, Clock clock, FollowupProperties properties) {
        this.scoreServqual = scoreServqual;
        this.currentUser = currentUser;
        this.clock = clock;
        this.businessZone = properties.businessZone();
    }

    /** @param by all, technician or period (month) */
    @GetMapping("/api/dealers/{dealerId}/servqual")
    List<SurveyController.ScoreView> scores(
            @PathVariable String dealerId,
            @RequestParam(defaultValue = "all") String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        currentUser.requireOwnDealer(dealerId);
        var grouping = grouping(by);
        var period = ReportPeriod.of(from, to, clock, businessZone);
        return scoreServqual.ofDealer(dealerId, period, grouping).stream()
                .map(g -> SurveyController.ScoreView.of(g.key(), g.score()))
                .toList();
    }

    private static ScoreServqual.Grouping grouping(String by) {
        try {
            var grouping = ScoreServqual.Grouping.valueOf(by.trim().toUpperCase(Locale.ROOT));
            if (DEALER_GROUPINGS.contains(grouping)) {
                return grouping;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the answer below
        }
        throw new InvalidRequestException("by", "must be all, technician or period");
    }
}
