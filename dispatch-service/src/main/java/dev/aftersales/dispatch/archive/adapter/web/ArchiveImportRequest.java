package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.dispatch.archive.application.ImportArchiveCommand;
import dev.aftersales.dispatch.archive.domain.CustomerContact;
import dev.aftersales.dispatch.archive.domain.Dealer;
import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.ServicePoint;
import dev.aftersales.dispatch.archive.domain.ServicePointType;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.Technician;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/archive/import}. Each list may be absent. Bean validation names a
 * faulty row by its JSON path ({@code installations[3].serialNumber}) and rejects the whole batch
 * before anything is written.
 */
record ArchiveImportRequest(
        @Size(max = MAX_ROWS) List<@NotNull @Valid DealerRow> dealers,
        @Size(max = MAX_ROWS) List<@NotNull @Valid TechnicianRow> technicians,
        @Size(max = MAX_ROWS) List<@NotNull @Valid InstallationRow> installations,
        @Size(max = MAX_ROWS) List<@NotNull @Valid ServicePointRow> servicePoints) {

    /** Rows of one kind in one batch; a larger archive is imported in several batches. */
    static final int MAX_ROWS = 20_000;

    record DealerRow(
            @NotBlank @Size(max = 64) String dealerId,
            @Size(max = 200) String name,
            @Size(max = 12) String regionCode) {}

    /** {@code active} defaults to true: a technician listed in an import is presumed at work. */
    record TechnicianRow(
            @NotBlank @Size(max = 64) String technicianId,
            @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String dealerId,
            Boolean active,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> productLines,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> kindsOfWork,
            @Positive Integer dailyCapacity) {}

    /** {@code type} defaults to an authorized service point. */
    record ServicePointRow(
            @NotBlank @Size(max = 64) String servicePointId,
            @Size(max = 200) String name,
            ServicePointType type,
            @Pattern(regexp = "\\d{6}") @Size(max = 12) String regionCode,
            Double latitude,
            Double longitude) {}

    record InstallationRow(
            @NotBlank @Size(max = 64) String serialNumber,
            @Size(max = 64) String model,
            @Size(max = 64) String productLine,
            @Size(max = 64) String customerId,
            @NotBlank @Size(max = 64) String dealerId,
            @Size(max = 64) String installerId,
            LocalDate installedOn,
            @Valid SiteRow site,
            @Valid CustomerRow customer,
            Boolean historical) {}

    /** The customer's contact as the file gives it: published to the hotline and followup, not kept here. */
    record CustomerRow(
            @Size(max = 200) String name, @Size(max = 32) String phone) {}

    record SiteRow(
            @Size(max = 500) String address, @Size(max = 12) String regionCode, Double latitude, Double longitude) {}

    ImportArchiveCommand toCommand() {
        return new ImportArchiveCommand(
                orEmpty(dealers).stream()
                        .map(d -> new Dealer(d.dealerId(), d.name(), d.regionCode()))
                        .toList(),
                orEmpty(technicians).stream()
                        .map(t -> new Technician(
                                t.technicianId(),
                                t.name(),
                                t.dealerId(),
                                t.active() == null || t.active(),
                                t.productLines() == null ? Set.of() : Set.copyOf(t.productLines()),
                                t.kindsOfWork() == null ? Set.of() : Set.copyOf(t.kindsOfWork()),
                                t.dailyCapacity() == null ? Technician.UNLIMITED : t.dailyCapacity(),
                                0))
                        .toList(),
                orEmpty(installations).stream()
                        .map(i -> new ImportedMachine(
                                new Installation(
                                        i.serialNumber(),
                                        i.model(),
                                        i.productLine(),
                                        i.customerId(),
                                        i.dealerId(),
                                        i.installerId(),
                                        i.installedOn(),
                                        i.site() == null
                                                ? null
                                                : new Site(
                                                        i.site().address(),
                                                        i.site().regionCode(),
                                                        i.site().latitude(),
                                                        i.site().longitude())),
                                i.customer() == null
                                        ? null
                                        : new CustomerContact(
                                                i.customerId(),
                                                i.customer().name(),
                                                i.customer().phone()),
                                Boolean.TRUE.equals(i.historical())))
                        .toList(),
                orEmpty(servicePoints).stream()
                        .map(p -> new ServicePoint(
                                p.servicePointId(),
                                p.name(),
                                p.type() == null ? ServicePointType.SERVICE_POINT : p.type(),
                                p.regionCode(),
                                p.latitude(),
                                p.longitude()))
                        .toList());
    }

    private static <T> List<T> orEmpty(List<T> rows) {
        return rows == null ? List.of() : rows;
    }
}
