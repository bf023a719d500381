package dev.aftersales.followup.quality.adapter.web;

import dev.aftersales.followup.quality.application.ReportFaults;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The quality team's door: faults by model, batch and part. */
@RestController
class QualityController {

    private final ReportFaults reportFaults;

    QualityController(ReportFaults reportFaults) {
        this.reportFaults = reportFaults;
    }

    @GetMapping("/api/quality/faults")
    @PreAuthorize("hasAnyRole('SUPERVISOR','OPS')")
    List<ReportFaults.FaultCount> faults() {
        return reportFaults.report();
    }
}
