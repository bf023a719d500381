package dev.aftersales.parts.location.domain;

import java.util.List;
import java.util.Optional;

/** The stock locations' master data. */
public interface Locations {

    Optional<Location> find(String id);

    /** The location's master data; a location nobody described counts as a dealer farther than every described one. */
    default Location describe(String id) {
        return find(id).orElseGet(() -> Location.unknownDealer(id));
    }

    List<Location> all();

    List<Location> ofKind(LocationKind kind);

    /** Inserts or replaces by id. */
    Location save(Location location);
}
