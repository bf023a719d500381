package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chain reads whole only the part's lines that have units: a sold-out line (in a storm it carries
 * every reservation the storm made) is left out after a glance at its stored level, and the lines
 * it does read come with their reservations, as a hold at them needs.
 */
@ServiceSliceTest
class PartLinesWithUnitsTest {

    static final String OWN = "D-UNITS-OWN";
    static final String NEAR = "D-UNITS-NEAR";
    static final String EMPTY = "D-UNITS-EMPTY";

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    @Autowired
    Stocks stocks;

    @Autowired
    Clock clock;

    ReservationOutcome request(String requestId, int quantity) {
        return reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(),
                requestId,
                "C-" + requestId,
                "ASG-" + requestId,
                OWN,
                "UNITS-1",
                quantity));
    }

    @Test
    void only_lines_with_units_are_read_and_they_are_read_with_their_reservations() {
        locations.save(new Location(OWN, LocationKind.DEALER, "310115", 31.22, 121.54, null));
        locations.save(new Location(NEAR, LocationKind.DEALER, "330106", 30.27, 120.15, null));
        locations.save(new Location(EMPTY, LocationKind.DEALER, "330106", 30.28, 120.16, null));
        setStock.set(new SetStockCommand(List.of(
                new SetStockCommand.Line(OWN, "UNITS-1", 1, 0),
                new SetStockCommand.Line(NEAR, "UNITS-1", 3, 0),
                new SetStockCommand.Line(EMPTY, "UNITS-1", 0, 0))));

        assertThat(request("RQ-units-own", 1)).isEqualTo(ReservationOutcome.RESERVED);
        assertThat(request("RQ-units-near", 2)).isEqualTo(ReservationOutcome.TRANSFERRED);

        var lines = stocks.withUnitsOf("UNITS-1", Set.of());

        assertThat(lines).extracting(Stock::id).containsExactly(Stock.idOf(NEAR, "UNITS-1"));
        assertThat(lines.get(0).available()).isEqualTo(1);
        assertThat(lines.get(0).heldFor("RQ-units-near")).isEqualTo(2);
        // the sold-out own line still holds its reservation; it is just not read for the chain
        assertThat(stocks.find(Stock.idOf(OWN, "UNITS-1")).orElseThrow().heldFor("RQ-units-own"))
                .isEqualTo(1);
        assertThat(stocks.withUnitsOf("UNITS-1", Set.of(Stock.idOf(NEAR, "UNITS-1"))))
                .isEmpty();
        assertThat(request("RQ-units-none", 2)).isEqualTo(ReservationOutcome.BACKORDERED);
    }

    @Test
    void a_hold_at_a_sold_out_line_makes_no_reservation_terms() {
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(OWN, "UNITS-2", 0, 0))));

        var hold = stocks.holdAtOnce(
                OWN,
                "UNITS-2",
                1,
                () -> {
                    throw new AssertionError("terms looked up for a line without units");
                },
                clock.instant());

        assertThat(hold).isEqualTo(Stocks.Hold.TOO_FEW);
    }
}
