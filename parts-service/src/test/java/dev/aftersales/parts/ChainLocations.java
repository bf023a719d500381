package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.TestTokens;
import java.time.Instant;
import java.util.Arrays;

/**
 * Three dealers and a factory for tests of the reservation chain: Shanghai, Hangzhou (about 165 km
 * away), Beijing (about 1070 km away), and a factory that delivers in 5 days. Each test class
 * names its own locations, so classes sharing a context never touch each other's stock.
 */
final class ChainLocations {

    record StockLine(String locationId, String partNumber, int onHand, int reserved, int available, int reorderPoint) {}

    record TransferView(String transferId, String status, String toLocationId, Instant eta) {}

    private final PartsApi api;

    private ChainLocations(PartsApi api) {
        this.api = api;
    }

    static ChainLocations imported(PartsApi api, String shanghai, String hangzhou, String beijing, String factory)
            throws Exception {
        var imported = api.put("/api/locations", TestTokens.ops(), """
                [{"locationId": "%s", "kind": "DEALER", "regionCode": "310115", "latitude": 31.22, "longitude": 121.54},
                 {"locationId": "%s", "kind": "DEALER", "regionCode": "330106", "latitude": 30.27, "longitude": 120.15},
                 {"locationId": "%s", "kind": "DEALER", "regionCode": "110105", "latitude": 39.90, "longitude": 116.40},
                 {"locationId": "%s", "kind": "FACTORY", "regionCode": "440300", "leadTime": "P5D"}]
                """.formatted(shanghai, hangzhou, beijing, factory));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return new ChainLocations(api);
    }

    void stock(String locationId, String partNumber, int onHand) throws Exception {
        var response = api.put(
                "/api/stock",
                TestTokens.ops(),
                "[{\"locationId\":\"%s\",\"partNumber\":\"%s\",\"onHand\":%d,\"reorderPoint\":0}]"
                        .formatted(locationId, partNumber, onHand));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    StockLine line(String locationId, String partNumber) throws Exception {
        var response = api.get("/api/stock/" + locationId, TestTokens.ops());
        return Arrays.stream(EventJson.read(response.body().getBytes(), StockLine[].class))
                .filter(l -> l.partNumber().equals(partNumber))
                .findFirst()
                .orElseThrow();
    }
}
