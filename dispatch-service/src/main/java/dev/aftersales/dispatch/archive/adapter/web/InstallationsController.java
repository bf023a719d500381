package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.archive.application.CorrectInstallation;
import dev.aftersales.dispatch.archive.application.CorrectInstallationCommand;
import dev.aftersales.dispatch.archive.application.RecordInstallation;
import dev.aftersales.dispatch.archive.application.RecordInstallationCommand;
import dev.aftersales.dispatch.archive.application.ShowInstallationRecord;
import dev.aftersales.dispatch.archive.domain.CorrectedFacts;
import dev.aftersales.dispatch.archive.domain.CustomerContact;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The archive's machine records: new installations reported by the installer's app or the office,
 * and the office's corrections of archived ones. Who may do what is decided by the use cases.
 */
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

    /**
     * A correction replaces what it names; {@code customer} and {@code site} are replaced whole.
     * {@code reason} is required and kept in the record's history.
     */
    record CorrectionBody(
            @NotBlank @Size(max = 500) String reason,
            @Size(max = 64) String installerId,
            LocalDate installedOn,
            @Valid CorrectedCustomer customer,
            @Valid CorrectedSite site) {}

    record CorrectedCustomer(
            @Size(max = 64) String customerId,
            @Size(max = 200) String name,
            @Size(max = 32) String phone) {}

    record CorrectedSite(
            @Size(max = 500) String address,
            @Pattern(regexp = "\\d{6}") @Size(max = 12) String regionCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    private final RecordInstallation recordInstallation;
    private final CorrectInstallation correctInstallation;
    private final ShowInstallationRecord showRecord;
    private final CurrentUser currentUser;
    private final WarrantyPolicy warranties;

    InstallationsController(
            RecordInstallation recordInstallation,
            CorrectInstallation correctInstallation,
            ShowInstallationRecord showRecord,
            CurrentUser currentUser,
            WarrantyPolicy warranties) {
        this.recordInstallation = recordInstallation;
        this.correctInstallation = correctInstallation;
        this.showRecord = showRecord;
        this.currentUser = currentUser;
        this.warranties = warranties;
    }

    /** 201 for a machine new to the archive; 409 {@code already-archived} for one it holds. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Recorded record(@Valid @RequestBody InstallationBody body) {
        var customer = body.customer();
        var site = body.site();
        var warranty = recordInstallation.record(
                new RecordInstallationCommand(
                        body.serialNumber(),
                        body.model(),
                        body.productLine(),
                        body.dealerId(),
                        body.installerId(),
                        body.installedOn(),
                        customer == null
                                ? null
                                : new CustomerContact(customer.customerId(), customer.name(), customer.phone()),
                        new Site(site.address(), site.regionCode(), site.latitude(), site.longitude())),
                currentUser.caller());
        return new Recorded(body.serialNumber(), warranty.wholeMachineUntil(), warranty.mainPartsUntil());
    }

    @GetMapping("/{serialNumber}")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER')")
    InstallationRecordView show(@PathVariable String serialNumber) {
        return InstallationRecordView.of(showRecord.show(serialNumber, currentUser.caller()), warranties);
    }

    /** 201 with the corrected record when something changed; 200 with it as it is when nothing did. */
    @PostMapping("/{serialNumber}/corrections")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER')")
    ResponseEntity<InstallationRecordView> correct(
            @PathVariable String serialNumber, @Valid @RequestBody CorrectionBody body) {
        var customer = body.customer();
        var site = body.site();
        var facts = new CorrectedFacts(
                body.installerId(),
                body.installedOn(),
                customer == null ? null : new CustomerContact(customer.customerId(), customer.name(), customer.phone()),
                site == null ? null : new Site(site.address(), site.regionCode(), site.latitude(), site.longitude()));
        var outcome = correctInstallation.correct(
                new CorrectInstallationCommand(serialNumber, facts, body.reason()), currentUser.caller());
        var view = InstallationRecordView.of(outcome.record(), warranties);
        return outcome.correction().isPresent()
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/installations/" + serialNumber))
                        .body(view)
                : ResponseEntity.ok(view);
    }
}
