package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.dispatch.archive.application.ImportArchiveCommand;
import dev.aftersales.dispatch.archive.domain.Dealer;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/archive/import}. Each list may be absent. Bean validation names a
 * faulty row by its JSON path ({@code installations[3].serialNumber}) and rejects the whole batch
 * before anything is written.
 */
record ArchiveImportRequest(
        List<@NotNull @Valid DealerRow> dealers,
        List<@NotNull @Valid TechnicianRow> technicians,
        List<@NotNull @Valid InstallationRow> installations,
        List<@NotNull @Valid ServicePointRow> servicePoints) {

    record DealerRow(@NotBlank String dealerId, String name, String regionCode) {}

    /** {@code active} defaults to true: a technician listed in an import is presumed at work. */
    record TechnicianRow(
            @NotBlank String technicianId,
            String name,
            @NotBlank String dealerId,
            Boolean active,
            List<@NotBlank String> productLines,
            List<@NotBlank String> kindsOfWork,
            @Positive Integer dailyCapacity) {}

    /** {@code type} defaults to an authorized service point. */
    record ServicePointRow(
            @NotBlank String servicePointId,
            String name,
            ServicePointType type,
            @Pattern(regexp = "\\d{6}") String regionCode,
            Double latitude,
            Double longitude) {}

    record InstallationRow(
            @NotBlank String serialNumber,
            String model,
            String productLine,
            String customerId,
            @NotBlank String dealerId,
            String installerId,
            LocalDate installedOn,
            SiteRow site) {}

    record SiteRow(String address, String regionCode, Double latitude, Double longitude) {}

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
                        .map(i -> new Installation(
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
                                                i.site().longitude())))
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
