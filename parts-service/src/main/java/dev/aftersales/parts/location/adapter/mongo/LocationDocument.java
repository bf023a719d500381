package dev.aftersales.parts.location.adapter.mongo;

import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import java.time.Duration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A location as stored; master data without events, replaced as a whole by an import. */
@Document("locations")
record LocationDocument(
        @Id String id, LocationKind kind, String regionCode, Double latitude, Double longitude, Long leadTimeSeconds) {

    static LocationDocument of(Location location) {
        return new LocationDocument(
                location.id(),
                location.kind(),
                location.regionCode(),
                location.latitude(),
                location.longitude(),
                location.leadTime() == null ? null : location.leadTime().toSeconds());
    }

    Location toLocation() {
        return new Location(
                id,
                kind,
                regionCode,
                latitude,
                longitude,
                leadTimeSeconds == null ? null : Duration.ofSeconds(leadTimeSeconds));
    }
}
