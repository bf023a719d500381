package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.assignment.application.FirstTimeFix;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dealer's first-time-fix rate over a period (default the last 30 days), in all and per technician.
 * A dealer reads its own only (another dealer's is a 404, as if it did not exist); supervisors and
 * dispatchers read any dealer's.
 */
@RestController
@PreAuthorize("hasAnyRole('DEALER','SUPERVISOR','DISPATCHER')")
class DealerFirstTimeFixController {

    record TallyView(String technicianId, int visits, int firstTimeFixes, Double rate) {
        static TallyView of(FirstTimeFix.Tally t) {
            return new TallyView(t.technicianId(), t.visits(), t.firstTimeFixes(), t.rate());
        }
    }

    record FirstTimeFixView(
            String dealerId,
            LocalDate from,
            LocalDate to,
            int visits,
            int firstTimeFixes,
            Double rate,
            List<TallyView> technicians) {}

    private final FirstTimeFix firstTimeFix;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId businessZone;

    DealerFirstTimeFixController(
            FirstTimeFix firstTimeFix, CurrentUser currentUser, Clock clock, DispatchProperties properties) {
        this.firstTimeFix = firstTimeFix;
        this.currentUser = currentUser;
        this.clock = clock;
        this.businessZone = properties.businessZone();
    }

    @GetMapping("/api/dealers/{dealerId}/first-time-fix")
    FirstTimeFixView firstTimeFix(
            @PathVariable String dealerId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        currentUser.requireOwnDealer(dealerId);
        var period = ReportPeriod.of(from, to, clock, businessZone);
        var result = firstTimeFix.of(dealerId, period);
        var dealer = result.dealer();
        return new FirstTimeFixView(
                dealerId,
                period.from(),
                period.to(),
                dealer.visits(),
                dealer.firstTimeFixes(),
                dealer.rate(),
                result.technicians().stream().map(TallyView::of).toList());
    }
}
