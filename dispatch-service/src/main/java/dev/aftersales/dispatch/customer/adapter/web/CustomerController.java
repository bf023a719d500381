package dev.aftersales.dispatch.customer.adapter.web;

import dev.aftersales.chassis.audit.PersonalDataRead;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.customer.application.ChangeCustomer;
import dev.aftersales.dispatch.customer.application.EraseCustomer;
import dev.aftersales.dispatch.customer.application.MergeCustomers;
import dev.aftersales.dispatch.customer.application.ShowCustomer;
import dev.aftersales.dispatch.customer.domain.Alias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer master: the office reads a customer (by id, or by a phone however it is typed), and a
 * supervisor or operations changes, merges or erases one. Every change is audited and published on
 * {@code dispatch.customers.v1}.
 */
@RestController
@RequestMapping("/api/customers")
@PreAuthorize("hasAnyRole('SUPERVISOR','OPS')")
@Validated
class CustomerController {

    /** What changes; a field left out stays as it is. */
    record CustomerChange(
            @Size(min = 1, max = 200) String name,

            @Pattern(regexp = "KEY|MEDIUM|ORDINARY") @Size(max = 16)
            String tier,

            Boolean consentToContact) {}

    record AliasDecision(
            @NotBlank @Size(max = 200) String name,

            @NotNull @Pattern(regexp = "MERGED|KEPT_APART") @Size(max = 16)
            String decision) {}

    record Merge(@NotBlank @Size(max = 128) String customerId) {}

    private final ShowCustomer showCustomer;
    private final ChangeCustomer changeCustomer;
    private final MergeCustomers mergeCustomers;
    private final EraseCustomer eraseCustomer;
    private final CurrentUser currentUser;

    CustomerController(
            ShowCustomer showCustomer,
            ChangeCustomer changeCustomer,
            MergeCustomers mergeCustomers,
            EraseCustomer eraseCustomer,
            CurrentUser currentUser) {
        this.showCustomer = showCustomer;
        this.changeCustomer = changeCustomer;
        this.mergeCustomers = mergeCustomers;
        this.eraseCustomer = eraseCustomer;
        this.currentUser = currentUser;
    }

    @GetMapping("/{customerId}")
    @PreAuthorize("hasAnyRole('SUPERVISOR','OPS','DISPATCHER')")
    @PersonalDataRead("customers.read")
    CustomerView show(@PathVariable @Size(max = 128) String customerId) {
        return CustomerView.of(showCustomer.byId(customerId));
    }

    /** The customer a phone belongs to, however it is typed (spaces, dashes, +86): a list of none or one. */
    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR','OPS','DISPATCHER')")
    @PersonalDataRead("customers.search")
    List<CustomerView> byPhone(@RequestParam @NotBlank @Size(max = 32) String phone) {
        return showCustomer.byPhone(phone).stream().map(CustomerView::of).toList();
    }

    @PutMapping("/{customerId}")
    CustomerView change(@PathVariable @Size(max = 128) String customerId, @Valid @RequestBody CustomerChange body) {
        return CustomerView.of(changeCustomer.change(
                customerId, body.name(), body.tier(), body.consentToContact(), currentUser.caller()));
    }

    @PostMapping("/{customerId}/alias-decisions")
    CustomerView decideAlias(@PathVariable @Size(max = 128) String customerId, @Valid @RequestBody AliasDecision body) {
        return CustomerView.of(changeCustomer.decideAlias(
                customerId, body.name(), Alias.Status.valueOf(body.decision()), currentUser.caller()));
    }

    /** The customer named in the body becomes this one. */
    @PostMapping("/{customerId}/merges")
    CustomerView merge(@PathVariable @Size(max = 128) String customerId, @Valid @RequestBody Merge body) {
        return CustomerView.of(mergeCustomers.merge(customerId, body.customerId(), currentUser.caller()));
    }

    /** Erases the customer's personal data in every service (PIPL); asking again changes nothing. */
    @PostMapping("/{customerId}/erasure")
    CustomerView erase(@PathVariable @Size(max = 128) String customerId) {
        return CustomerView.of(eraseCustomer.erase(customerId, currentUser.caller()));
    }
}
