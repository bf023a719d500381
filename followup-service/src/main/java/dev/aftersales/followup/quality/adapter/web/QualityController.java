package dev.aftersales.followup.quality.adapter.web;

import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.quality.application.ReportFaults;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The quality team's door: faults by model, batch and part, over a period of business days. */
@RestController
class QualityController {

    private final ReportFaults reportFaults;
    private final Clock clock;
    private final ZoneId businessZone;

    QualityController(ReportFaults reportFaults, Clock clock, FollowupProperties properties) {
        this.reportFaults = reportFaults;
        this.clock = clock;
        this.businessZone = properties.businessZone();
    }

    /**
     * @param from the first business day (ISO date, inclusive); default 29 days before {@code to}
     * @param to the last business day (inclusive); default today. At most 366 days.
     */
    @GetMapping("/api/quality/faults")
    @PreAuthorize("hasAnyRole('SUPERVISOR','OPS')")
    List<ReportFaults.FaultCount> faults(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reportFaults.report(ReportPeriod.of(from, to, clock, businessZone));
    }
}
