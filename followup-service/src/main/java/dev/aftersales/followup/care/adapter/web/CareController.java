package dev.aftersales.followup.care.adapter.web;

import dev.aftersales.followup.care.application.ListCareTasks;
import dev.aftersales.followup.care.application.ListSilentCustomers;
import dev.aftersales.followup.care.application.SetCustomerTier;
import dev.aftersales.followup.care.domain.CareTask;
import dev.aftersales.followup.care.domain.Customer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Proactive care: customer tiers, periodic care tasks, silent customers. */
@RestController
class CareController {

    record TierRequest(@NotBlank @Size(max = 32) String tier) {}

    record CustomerView(String customerId, String tier, Instant lastContactAt, Instant nextCareAt) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.tier(), c.lastContactAt(), c.nextCareAt());
        }
    }

    private final SetCustomerTier setTier;
    private final ListSilentCustomers listSilent;
    private final ListCareTasks listTasks;

    CareController(SetCustomerTier setTier, ListSilentCustomers listSilent, ListCareTasks listTasks) {
        this.setTier = setTier;
        this.listSilent = listSilent;
        this.listTasks = listTasks;
    }

    @PutMapping("/api/customers/{customerId}/tier")
    @PreAuthorize("hasRole('SUPERVISOR')")
    CustomerView tier(@PathVariable String customerId, @Valid @RequestBody TierRequest request) {
        return CustomerView.of(setTier.set(customerId, request.tier()));
    }

    @GetMapping("/api/customers/silent")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    List<CustomerView> silent() {
        return listSilent.list().stream().map(CustomerView::of).toList();
    }

    @GetMapping("/api/care/tasks")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    List<CareTask> tasks() {
        return listTasks.list();
    }
}
