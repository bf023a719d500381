package dev.aftersales.parts.location.application;

import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.Locations;
import java.util.List;
import org.springframework.stereotype.Service;

/** The locations' master data, for everyone who plans or moves stock: no secret among dealers. */
@Service
public class ListLocations {

    private final Locations locations;

    ListLocations(Locations locations) {
        this.locations = locations;
    }

    public List<Location> all() {
        return locations.all();
    }
}
