package dev.aftersales.dispatch.archive.domain;

/**
 * Where a machine is installed. Personal data: never logged.
 *
 * @param regionCode the 6-digit administrative code: 2 digits province, 4 city, 6 district
 * @param latitude null when unknown
 * @param longitude null when unknown
 */
public record Site(String address, String regionCode, Double latitude, Double longitude) {

    public Site(String address, String regionCode) {
        this(address, regionCode, null, null);
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
