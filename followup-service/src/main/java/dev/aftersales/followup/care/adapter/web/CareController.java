package dev.aftersales.followup.care.adapter.web;

import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.paging.Position;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.followup.care.application.ListCareTasks;
import dev.aftersales.followup.care.application.ListSilentCustomers;
import dev.aftersales.followup.care.application.SetCustomerTier;
import dev.aftersales.followup.care.domain.CareTask;
import dev.aftersales.followup.care.domain.Customer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proactive care: customer tiers, periodic care tasks, silent customers. */
@RestController
class CareController {

    static final String TASKS = "care.tasks";
    static final String SILENT = "customers.silent";
    static final List<String> TASK_COLUMNS = List.of("id", "customerId", "kind", "dueAt", "createdAt");
    static final List<String> SILENT_COLUMNS = List.of("customerId", "tier", "lastContactAt", "nextCareAt");

    record TierRequest(@NotBlank @Size(max = 32) String tier) {}

    record CustomerView(String customerId, String tier, Instant lastContactAt, Instant nextCareAt) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.tier(), c.lastContactAt(), c.nextCareAt());
        }
    }

    private final SetCustomerTier setTier;
    private final ListSilentCustomers listSilent;
    private final ListCareTasks listTasks;
    private final CurrentUser currentUser;
    private final Paging paging;
    private final CsvExport csvExport;

    CareController(
            SetCustomerTier setTier,
            ListSilentCustomers listSilent,
            ListCareTasks listTasks,
            CurrentUser currentUser,
            Paging paging,
            CsvExport csvExport) {
        this.setTier = setTier;
        this.listSilent = listSilent;
        this.listTasks = listTasks;
        this.currentUser = currentUser;
        this.paging = paging;
        this.csvExport = csvExport;
    }

    @PutMapping("/api/customers/{customerId}/tier")
    @PreAuthorize("hasRole('SUPERVISOR')")
    CustomerView tier(@PathVariable String customerId, @Valid @RequestBody TierRequest request) {
        return CustomerView.of(setTier.set(customerId, request.tier()));
    }

    /** Customers without contact for the silent period, the longest silent first, a page at a time. */
    @GetMapping("/api/customers/silent")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    ResponseEntity<Page<CustomerView>> silent(
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = paging.request(SILENT, Map.of(), currentUser.caller(), cursor, limit);
        return Paging.ok(paging.page(page, listSilent.page(page), CareController::silentPosition, CustomerView::of));
    }

    /** The silent customers as CSV (UTF-8 with BOM, capped); audited. */
    @GetMapping("/api/customers/silent/export.csv")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    void silentExport(HttpServletResponse response) throws IOException {
        csvExport.write(
                response,
                currentUser.caller(),
                Map.of(),
                new CsvExport.Sheet<>(
                        SILENT,
                        SILENT_COLUMNS,
                        listSilent::page,
                        CareController::silentPosition,
                        c -> Arrays.asList(c.id(), c.tier(), c.lastContactAt(), c.nextCareAt())));
    }

    /**
     * The care tasks created, the earliest created first, a page at a time; due from {@code from}
     * (inclusive) to {@code to} (exclusive) when given.
     */
    @GetMapping("/api/care/tasks")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    ResponseEntity<Page<CareTask>> tasks(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var filter = new LinkedHashMap<String, Object>();
        filter.put("from", from);
        filter.put("to", to);
        var page = paging.request(TASKS, filter, currentUser.caller(), cursor, limit);
        return Paging.ok(paging.page(page, listTasks.page(from, to, page), CareController::taskPosition, task -> task));
    }

    /** The care tasks as CSV (UTF-8 with BOM, capped), with the same window; audited. */
    @GetMapping("/api/care/tasks/export.csv")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    void tasksExport(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletResponse response)
            throws IOException {
        // checked before the first byte goes out, so a reversed window is still a 400
        listTasks.page(from, to, PageRequest.first(1));
        var audited = new LinkedHashMap<String, String>();
        if (from != null) {
            audited.put("from", from.toString());
        }
        if (to != null) {
            audited.put("to", to.toString());
        }
        csvExport.write(
                response,
                currentUser.caller(),
                audited,
                new CsvExport.Sheet<>(
                        TASKS,
                        TASK_COLUMNS,
                        page -> listTasks.page(from, to, page),
                        CareController::taskPosition,
                        t -> Arrays.asList(t.id(), t.customerId(), t.kind(), t.dueAt(), t.createdAt())));
    }

    /** A task's place in the list: when it was created, which nothing changes; then its id. */
    private static Position taskPosition(CareTask task) {
        return new Position(task.createdAt(), task.id());
    }

    /** A silent customer's place in the list: their last contact, then their id. */
    private static Position silentPosition(Customer customer) {
        return new Position(customer.lastContactAt(), customer.id());
    }
}
