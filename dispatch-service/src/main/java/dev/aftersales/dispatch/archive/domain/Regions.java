package dev.aftersales.dispatch.archive.domain;

/** Nearness of places: by coordinates when known, else by the 6-digit region code. */
public final class Regions {

    public static final int SAME_DISTRICT = 3;
    public static final int SAME_CITY = 2;
    public static final int SAME_PROVINCE = 1;
    public static final int ELSEWHERE = 0;

    private static final double EARTH_RADIUS_KM = 6371.0;

    private Regions() {}

    /** How much of two region codes agree: district (6 digits), city (4), province (2), or nothing. */
    public static int closeness(String a, String b) {
        if (a == null || b == null || a.length() < 6 || b.length() < 6) {
            return ELSEWHERE;
        }
        if (a.substring(0, 6).equals(b.substring(0, 6))) {
            return SAME_DISTRICT;
        }
        if (a.substring(0, 4).equals(b.substring(0, 4))) {
            return SAME_CITY;
        }
        return a.substring(0, 2).equals(b.substring(0, 2)) ? SAME_PROVINCE : ELSEWHERE;
    }

    public static String describe(int closeness) {
        return switch (closeness) {
            case SAME_DISTRICT -> "same district";
            case SAME_CITY -> "same city";
            case SAME_PROVINCE -> "same province";
            default -> "another province";
        };
    }

    /** Great-circle distance in kilometres. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        var dLat = Math.toRadians(lat2 - lat1);
        var dLon = Math.toRadians(lon2 - lon1);
        var h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }
}
