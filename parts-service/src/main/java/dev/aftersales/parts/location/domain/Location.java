package dev.aftersales.parts.location.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A place that holds stock, from the master data OPS imports.
 *
 * @param regionCode the administrative region code (e.g. 310115); nearness falls back to it
 * @param latitude degrees, null when unknown
 * @param longitude degrees, null when unknown
 * @param leadTime how long the factory needs to deliver to a dealer; null for dealers
 */
public record Location(
        String id, LocationKind kind, String regionCode, Double latitude, Double longitude, Duration leadTime) {

    private static final double EARTH_RADIUS_KM = 6371.0;
    /** Two dealers in unrelated regions without coordinates: farther than any real pair. */
    static final double UNKNOWN_KM = 100_000.0;

    public Location {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** A dealer nobody described: reachable, but farther than every described one. */
    public static Location unknownDealer(String id) {
        return new Location(id, LocationKind.DEALER, null, null, null, null);
    }

    /**
     * How far apart two locations are, in km: great-circle distance when both have coordinates,
     * otherwise ranked by how much of the region code they share (same district before same city
     * before same province), each shared digit pair bringing them closer.
     */
    public double distanceTo(Location other) {
        if (latitude != null && longitude != null && other.latitude != null && other.longitude != null) {
            double dLat = Math.toRadians(other.latitude - latitude);
            double dLon = Math.toRadians(other.longitude - longitude);
            double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                    + Math.cos(Math.toRadians(latitude))
                            * Math.cos(Math.toRadians(other.latitude))
                            * Math.sin(dLon / 2)
                            * Math.sin(dLon / 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
        }
        if (regionCode == null || other.regionCode == null) {
            return UNKNOWN_KM;
        }
        int shared = 0;
        while (shared < Math.min(regionCode.length(), other.regionCode.length())
                && regionCode.charAt(shared) == other.regionCode.charAt(shared)) {
            shared++;
        }
        // 6-digit codes: province (2), city (4), district (6). 0 shared = 5000 km, each pair a step nearer.
        return UNKNOWN_KM / 20 / Math.pow(10, shared / 2);
    }
}
