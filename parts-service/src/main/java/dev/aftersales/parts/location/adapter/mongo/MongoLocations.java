package dev.aftersales.parts.location.adapter.mongo;

import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Locations in the {@code locations} collection: a few dozen rows, read whole. */
@Component
class MongoLocations implements Locations {

    private final LocationDocuments documents;

    MongoLocations(LocationDocuments documents) {
        this.documents = documents;
    }

    @Override
    public Optional<Location> find(String id) {
        return documents.findById(id).map(LocationDocument::toLocation);
    }

    @Override
    public List<Location> all() {
        return documents.findAll().stream().map(LocationDocument::toLocation).toList();
    }

    @Override
    public List<Location> ofKind(LocationKind kind) {
        return all().stream().filter(l -> l.kind() == kind).toList();
    }

    @Override
    public Location save(Location location) {
        return documents.save(LocationDocument.of(location)).toLocation();
    }
}
