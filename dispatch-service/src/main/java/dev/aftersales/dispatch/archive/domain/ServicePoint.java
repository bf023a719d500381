package dev.aftersales.dispatch.archive.domain;

/**
 * An authorized service point or a regional service centre: where the rule chain looks when the
 * machine's own dealer has nobody. Its technicians are those whose {@code dealerId} is its id.
 *
 * @param latitude null when unknown
 * @param longitude null when unknown
 */
public record ServicePoint(
        String servicePointId,
        String name,
        ServicePointType type,
        String regionCode,
        Double latitude,
        Double longitude) {

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
