package dev.aftersales.parts.backorder.adapter.web;

import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.backorder.application.ReportBackorders;
import dev.aftersales.parts.backorder.domain.BackorderTally;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/backorders?from=…&to=…&dealerId=…}: per dealer, the requests backordered on
 * the period's business days (ISO dates, both inclusive; default the last 30 days; at most 366) and
 * what became of them. For operations and dispatch, who see every dealer's stock.
 */
@RestController
class BackorderReportController {

    record BackorderReport(LocalDate from, LocalDate to, List<DealerRow> dealers) {}

    record DealerRow(
            String dealerId,
            int backordered,
            int unitsBackordered,
            int served,
            int withdrawn,
            int waiting,
            int unitsWaiting,
            Double servedShare) {

        static DealerRow of(BackorderTally tally) {
            return new DealerRow(
                    tally.dealerId(),
                    tally.backordered(),
                    tally.unitsBackordered(),
                    tally.served(),
                    tally.withdrawn(),
                    tally.waiting(),
                    tally.unitsWaiting(),
                    tally.servedShare());
        }
    }

    private final ReportBackorders reportBackorders;
    private final Clock clock;
    private final ZoneId businessZone;

    BackorderReportController(ReportBackorders reportBackorders, Clock clock, PartsProperties properties) {
        this.reportBackorders = reportBackorders;
        this.clock = clock;
        this.businessZone = properties.businessZone();
    }

    @GetMapping("/api/reports/backorders")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER')")
    BackorderReport report(
            @RequestParam(required = false) @Size(max = 10) String from,
            @RequestParam(required = false) @Size(max = 10) String to,
            @RequestParam(required = false) @Size(max = 64) String dealerId) {
        var period = ReportPeriod.of(from, to, clock, businessZone);
        var dealer = dealerId == null || dealerId.isBlank() ? null : dealerId.strip();
        return new BackorderReport(
                period.from(),
                period.to(),
                reportBackorders.report(period, dealer).stream()
                        .map(DealerRow::of)
                        .toList());
    }
}
