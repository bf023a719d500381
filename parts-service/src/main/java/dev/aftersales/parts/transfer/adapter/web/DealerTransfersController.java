package dev.aftersales.parts.transfer.adapter.web;

import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.parts.stock.domain.TransferStatus;
import dev.aftersales.parts.transfer.application.ListTransfers;
import dev.aftersales.parts.transfer.application.ListTransfers.Side;
import dev.aftersales.parts.transfer.application.TransferRow;
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
 * A dealer's transfers, a page at a time or as CSV: the ones it ships ({@code side=SENDER}) or
 * receives ({@code side=RECEIVER}). A dealer reads its own dealer's only (another's is 404, as for an
 * unknown dealer); dispatch and operations read any dealer's, as they see every transfer.
 */
@RestController
@RequestMapping("/api/dealers/{dealerId}/transfers")
@PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
class DealerTransfersController {

    static final String LIST = "dealer.transfers";

    record TransferListView(
            String transferId,
            String requestId,
            String complaintId,
            String partNumber,
            int quantity,
            String fromLocationId,
            String toLocationId,
            String heldAt,
            TransferStatus status,
            Instant requestedAt,
            Instant eta) {

        static TransferListView of(TransferRow row) {
            return new TransferListView(
                    row.transferId(),
                    row.requestId(),
                    row.complaintId(),
                    row.partNumber(),
                    row.quantity(),
                    row.fromLocationId(),
                    row.toLocationId(),
                    row.heldAt(),
                    row.status(),
                    row.requestedAt(),
                    row.eta());
        }

        /** The CSV export's columns: the view's fields, in its order. */
        static final List<CsvExport.Column<TransferListView>> COLUMNS = List.of(
                new CsvExport.Column<>("transferId", TransferListView::transferId),
                new CsvExport.Column<>("requestId", TransferListView::requestId),
                new CsvExport.Column<>("complaintId", TransferListView::complaintId),
                new CsvExport.Column<>("partNumber", TransferListView::partNumber),
                new CsvExport.Column<>("quantity", TransferListView::quantity),
                new CsvExport.Column<>("fromLocationId", TransferListView::fromLocationId),
                new CsvExport.Column<>("toLocationId", TransferListView::toLocationId),
                new CsvExport.Column<>("heldAt", TransferListView::heldAt),
                new CsvExport.Column<>("status", TransferListView::status),
                new CsvExport.Column<>("requestedAt", TransferListView::requestedAt),
                new CsvExport.Column<>("eta", TransferListView::eta));
    }

    private final ListTransfers listTransfers;
    private final CurrentUser currentUser;
    private final Paging paging;
    private final CsvExport csvExport;

    DealerTransfersController(
            ListTransfers listTransfers, CurrentUser currentUser, Paging paging, CsvExport csvExport) {
        this.listTransfers = listTransfers;
        this.currentUser = currentUser;
        this.paging = paging;
        this.csvExport = csvExport;
    }

    /** Newest request first; {@code from} (inclusive) to {@code to} (exclusive) bound when it was requested. */
    @GetMapping
    ResponseEntity<Page<TransferListView>> list(
            @PathVariable @Size(max = 64) String dealerId,
            @RequestParam(required = false) Side side,
            @RequestParam(required = false) TransferStatus status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        currentUser.requireOwnDealer(dealerId);
        var filter = new ListTransfers.Filter(dealerId, side, status, from, to);
        var page = paging.request(LIST, Paging.filterOf(filter), currentUser.caller(), cursor, limit);
        return Paging.ok(
                paging.page(page, listTransfers.page(filter, page), TransferRow::position, TransferListView::of));
    }

    /** The same list as CSV (UTF-8 with BOM, capped), with the same filter; audited. */
    @GetMapping("/export.csv")
    void export(
            @PathVariable @Size(max = 64) String dealerId,
            @RequestParam(required = false) Side side,
            @RequestParam(required = false) TransferStatus status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletResponse response)
            throws IOException {
        currentUser.requireOwnDealer(dealerId);
        var filter = new ListTransfers.Filter(dealerId, side, status, from, to);
        // checked before the first byte goes out, so bad input is still a 400
        listTransfers.page(filter, PageRequest.first(1));
        csvExport.write(
                response,
                currentUser.caller(),
                CsvExport.givenFilter(Paging.filterOf(filter)),
                CsvExport.Sheet.ofViews(
                        LIST,
                        TransferListView.COLUMNS,
                        page -> listTransfers.page(filter, page),
                        TransferRow::position,
                        TransferListView::of));
    }
}
