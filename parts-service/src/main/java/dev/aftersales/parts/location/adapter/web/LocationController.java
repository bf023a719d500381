package dev.aftersales.parts.location.adapter.web;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.parts.location.application.ImportLocations;
import dev.aftersales.parts.location.application.ListLocations;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The locations' master data: OPS imports it (idempotent upsert by id), everyone who plans stock reads it. */
@RestController
@RequestMapping("/api/locations")
class LocationController {

    /** {@code leadTime} is an ISO-8601 duration, e.g. {@code P7D}; required for the factory. */
    record LocationRow(
            @NotBlank @Size(max = 64) String locationId,
            @NotNull LocationKind kind,
            @Size(max = 12) String regionCode,
            Double latitude,
            Double longitude,
            Duration leadTime) {

        Location toLocation() {
            return new Location(locationId, kind, regionCode, latitude, longitude, leadTime);
        }
    }

    /** Locations in one import; more are imported in several. */
    static final int MAX_ROWS = 1000;

    private final ImportLocations importLocations;
    private final ListLocations listLocations;
    private final Validator validator;

    LocationController(ImportLocations importLocations, ListLocations listLocations, Validator validator) {
        this.importLocations = importLocations;
        this.listLocations = listLocations;
        this.validator = validator;
    }

    @PutMapping
    @PreAuthorize("hasRole('OPS')")
    List<LocationRow> importLocations(@RequestBody @Size(max = MAX_ROWS) List<LocationRow> rows) {
        var problems = new ArrayList<FieldProblem>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row == null) {
                problems.add(new FieldProblem("[" + i + "]", "must not be null"));
                continue;
            }
            for (var violation : validator.validate(row)) {
                problems.add(new FieldProblem("[" + i + "]." + violation.getPropertyPath(), violation.getMessage()));
            }
            if (row.kind() == LocationKind.FACTORY && row.leadTime() == null) {
                problems.add(new FieldProblem("[" + i + "].leadTime", "is required for the factory"));
            }
            if ((row.latitude() == null) != (row.longitude() == null)) {
                problems.add(new FieldProblem("[" + i + "]", "needs both latitude and longitude, or neither"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        importLocations.upsert(rows.stream().map(LocationRow::toLocation).toList());
        return rows;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    List<LocationRow> all() {
        return listLocations.all().stream()
                .map(l -> new LocationRow(l.id(), l.kind(), l.regionCode(), l.latitude(), l.longitude(), l.leadTime()))
                .toList();
    }
}
