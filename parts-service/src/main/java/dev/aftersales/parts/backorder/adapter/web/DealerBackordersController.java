package dev.aftersales.parts.backorder.adapter.web;

import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.backorder.application.ListBackorders;
import dev.aftersales.parts.backorder.domain.DealerBackorder;
import dev.aftersales.parts.reservation.domain.Backorder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dealer's backorders, a page at a time or as CSV. A dealer reads its own dealer's only (another's
 * is 404, as for an unknown dealer); dispatch and operations read any dealer's, as they read its stock.
 */
@RestController
@RequestMapping("/api/dealers/{dealerId}/backorders")
@PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
class DealerBackordersController {

    static final String LIST = "dealer.backorders";

    record BackorderView(
            String requestId,
            DealerBackorder.Kind kind,
            String complaintId,
            String assignmentId,
            String actionId,
            String dealerId,
            String partNumber,
            int quantity,
            Priority priority,
            Backorder.Status status,
            String servingLocationId,
            Instant backorderedAt) {

        static BackorderView of(DealerBackorder backorder) {
            return new BackorderView(
                    backorder.requestId(),
                    backorder.kind(),
                    backorder.complaintId(),
                    backorder.assignmentId(),
                    backorder.actionId(),
                    backorder.dealerId(),
                    backorder.partNumber(),
                    backorder.quantity(),
                    backorder.priority(),
                    backorder.status(),
                    backorder.servingLocationId(),
                    backorder.backorderedAt());
        }

        /** The CSV export's columns: the view's fields but the dealer, whose list it is. */
        static final List<CsvExport.Column<BackorderView>> COLUMNS = List.of(
                new CsvExport.Column<>("requestId", BackorderView::requestId),
                new CsvExport.Column<>("kind", BackorderView::kind),
                new CsvExport.Column<>("complaintId", BackorderView::complaintId),
                new CsvExport.Column<>("assignmentId", BackorderView::assignmentId),
                new CsvExport.Column<>("actionId", BackorderView::actionId),
                new CsvExport.Column<>("partNumber", BackorderView::partNumber),
                new CsvExport.Column<>("quantity", BackorderView::quantity),
                new CsvExport.Column<>("priority", BackorderView::priority),
                new CsvExport.Column<>("status", BackorderView::status),
                new CsvExport.Column<>("servingLocationId", BackorderView::servingLocationId),
                new CsvExport.Column<>("backorderedAt", BackorderView::backorderedAt));
    }

    private final ListBackorders listBackorders;
    private final CurrentUser currentUser;
    private final Paging paging;
    private final CsvExport csvExport;

    DealerBackordersController(
            ListBackorders listBackorders, CurrentUser currentUser, Paging paging, CsvExport csvExport) {
        this.listBackorders = listBackorders;
        this.currentUser = currentUser;
        this.paging = paging;
        this.csvExport = csvExport;
    }

    /** Oldest first; {@code from} (inclusive) to {@code to} (exclusive) bound when it was backordered. */
    @GetMapping
    ResponseEntity<Page<BackorderView>> list(
            @PathVariable @Size(max = 64) String dealerId,
            @RequestParam(required = false) Backorder.Status status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        currentUser.requireOwnDealer(dealerId);
        var filter = new ListBackorders.Filter(dealerId, status, from, to);
        var page = paging.request(LIST, Paging.filterOf(filter), currentUser.caller(), cursor, limit);
        return Paging.ok(
                paging.page(page, listBackorders.page(filter, page), ListBackorders::position, BackorderView::of));
    }

    /** The same list as CSV (UTF-8 with BOM, capped), with the same filter; audited. */
    @GetMapping("/export.csv")
    void export(
            @PathVariable @Size(max = 64) String dealerId,
            @RequestParam(required = false) Backorder.Status status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletResponse response)
            throws IOException {
        currentUser.requireOwnDealer(dealerId);
        var filter = new ListBackorders.Filter(dealerId, status, from, to);
        // checked before the first byte goes out, so bad input is still a 400
        listBackorders.page(filter, PageRequest.first(1));
        csvExport.write(
                response,
                currentUser.caller(),
                CsvExport.givenFilter(Paging.filterOf(filter)),
                CsvExport.Sheet.ofViews(
                        LIST,
                        BackorderView.COLUMNS,
                        page -> listBackorders.page(filter, page),
                        ListBackorders::position,
                        BackorderView::of));
    }
}
