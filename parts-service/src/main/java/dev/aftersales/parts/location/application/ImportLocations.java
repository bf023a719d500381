package dev.aftersales.parts.location.application;

import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.Locations;
import java.util.List;
import org.springframework.stereotype.Service;

/** Operations import the locations' master data: each row inserted or replaced by id, so a repeat changes nothing. */
@Service
public class ImportLocations {

    private final Locations locations;

    ImportLocations(Locations locations) {
        this.locations = locations;
    }

    public List<Location> upsert(List<Location> rows) {
        return rows.stream().map(locations::save).toList();
    }
}
