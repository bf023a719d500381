package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.dispatch.archive.application.RecordInstallation;
import dev.aftersales.dispatch.archive.application.RecordInstallationCommand;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Site;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** New installations, reported by the installer's app or the office. */
@RestController
@RequestMapping("/api/installations")
@PreAuthorize("hasAnyRole('TECHNICIAN','OPS','DISPATCHER')")
class InstallationsController {

    record CustomerBody(
            @Size(max = 64) String customerId,
            @Size(max = 200) String name,
            @Size(max = 32) String phone) {}

    record SiteBody(
            @Size(max = 500) String address,
            @Pattern(regexp = "\\d{6}") @Size(max = 12) String regionCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    /** {@code installerId} defaults to the calling technician, {@code installedOn} to today. */
    record InstallationBody(
            @NotBlank @Size(max = 64) String serialNumber,
            @Size(max = 64) String model,
            @Size(max = 64) String productLine,
            @NotBlank @Size(max = 64) String dealerId,
            @Size(max = 64) String installerId,
            LocalDate installedOn,
            @Valid CustomerBody customer,
            @NotNull @Valid SiteBody site) {}

    record Recorded(String serialNumber, LocalDate wholeMachineWarrantyUntil, LocalDate mainPartsWarrantyUntil) {}

    private final RecordInstallation recordInstallation;
    private final CurrentUser currentUser;
    private final Clock clock;

    InstallationsController(RecordInstallation recordInstallation, CurrentUser currentUser, Clock clock) {
        this.recordInstallation = recordInstallation;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Recorded record(@Valid @RequestBody InstallationBody body) {
        var installer = body.installerId() != null
                ? body.installerId()
                : currentUser.hasRole(Role.TECHNICIAN) ? currentUser.technicianId() : null;
        var customer = body.customer();
        var installation = new Installation(
                body.serialNumber(),
                body.model(),
                body.productLine(),
                customer == null ? null : customer.customerId(),
                body.dealerId(),
                installer,
                body.installedOn() == null ? LocalDate.now(clock) : body.installedOn(),
                new Site(
                        body.site().address(),
                        body.site().regionCode(),
                        body.site().latitude(),
                        body.site().longitude()));
        var warranty = recordInstallation.record(new RecordInstallationCommand(
                installation, customer == null ? null : customer.name(), customer == null ? null : customer.phone()));
        return new Recorded(body.serialNumber(), warranty.wholeMachineUntil(), warranty.mainPartsUntil());
    }
}
