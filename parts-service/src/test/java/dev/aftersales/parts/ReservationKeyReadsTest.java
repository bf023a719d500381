package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.QueryShapes;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reservation chain's cost does not grow with what is stored: every command it sends names
 * {@code _id} or exactly the fields of a unique index, which is all the embedded store serves from an
 * index (any other filter scans its collection: claims and backorders gain a document per request).
 * Each path of the chain is run once with its commands captured.
 */
@ServiceSliceTest
class ReservationKeyReadsTest {

    static final String OWN = "D-KEY-OWN";
    static final String NEAR = "D-KEY-NEAR";

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    ReservationOutcome request(String requestId, String part, int quantity) {
        return reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(), requestId, "C-" + requestId, "ASG-" + requestId, OWN, part, quantity));
    }

    @Test
    void every_path_of_the_chain_reads_and_writes_by_id_or_unique_key() {
        locations.save(new Location(OWN, LocationKind.DEALER, "310115", 31.22, 121.54, null));
        locations.save(new Location(NEAR, LocationKind.DEALER, "330106", 30.27, 120.15, null));
        setStock.set(new SetStockCommand(List.of(
                new SetStockCommand.Line(OWN, "KEY-1", 3, 2),
                new SetStockCommand.Line(NEAR, "KEY-1", 2, 0),
                new SetStockCommand.Line(NEAR, "KEY-2", 1, 0),
                new SetStockCommand.Line(OWN, "KEY-2", 1, 0))));

        var captured = new QueryShapes();
        var outcomes = QueryShapes.capture(
                captured,
                () -> List.of(
                        request("RQ-key-own", "KEY-1", 1), // own dealer, one guarded write
                        request("RQ-key-own", "KEY-1", 1), // a redelivery: the claim is finished
                        request("RQ-key-low", "KEY-1", 1), // crosses the reorder point: StockLow in the same write
                        request("RQ-key-near", "KEY-1", 2), // own has too few: a transfer from the nearest dealer
                        request("RQ-key-split", "KEY-2", 2), // split over the own and the near dealer
                        request("RQ-key-none", "KEY-1", 5))); // nowhere: backordered

        assertThat(outcomes)
                .containsExactly(
                        ReservationOutcome.RESERVED,
                        ReservationOutcome.ALREADY_HANDLED,
                        ReservationOutcome.RESERVED,
                        ReservationOutcome.TRANSFERRED,
                        ReservationOutcome.SPLIT,
                        ReservationOutcome.BACKORDERED);
        assertThat(captured.shapes())
                .extracting(QueryShapes.Shape::collection)
                .contains("requestClaims", "stock", "stock_parts");
        assertThat(captured.notByKey())
                .as(
                        "commands of the chain that scan their collection on the embedded store:%s",
                        QueryShapes.describe(captured.notByKey()))
                .isEmpty();
    }
}
