package dev.aftersales.parts.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.reservation.domain.ReservationTerms;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * With {@code aftersales.parts.split-allowed=false} a request is served whole by one location or
 * backordered. The use case is built here with that setting over the shared context's beans (a
 * context of its own would start a second broker and move the other slice tests' one).
 */
@ServiceSliceTest
class SplitDisallowedTest {

    @Autowired
    Stocks stocks;

    @Autowired
    Backorders backorders;

    @Autowired
    CaseFacts caseFacts;

    @Autowired
    RequestClaims claims;

    @Autowired
    ReservationTerms terms;

    @Autowired
    Clock clock;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    @Test
    void units_spread_over_two_dealers_are_not_split_but_backordered() {
        var noSplit = new Binder(new MapConfigurationPropertySource(Map.of("aftersales.parts.split-allowed", "false")))
                .bindOrCreate("aftersales.parts", PartsProperties.class);
        var reserveParts = new ReserveParts(
                stocks,
                locations,
                backorders,
                caseFacts,
                new HandledOnce(claims, noSplit),
                claims,
                terms,
                noSplit,
                clock,
                new ReservationMetrics(new SimpleMeterRegistry()));
        locations.save(new Location("D-NS-A", LocationKind.DEALER, "310115", 31.22, 121.54, null));
        locations.save(new Location("D-NS-B", LocationKind.DEALER, "330106", 30.27, 120.15, null));
        setStock.set(new SetStockCommand(List.of(
                new SetStockCommand.Line("D-NS-A", "NOSPLIT-1", 2, 0),
                new SetStockCommand.Line("D-NS-B", "NOSPLIT-1", 2, 0))));

        var outcome = reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(), "RQ-ns-1", "C-ns-1", "ASG-ns-1", "D-NS-A", "NOSPLIT-1", 3));

        assertThat(outcome).isEqualTo(ReservationOutcome.BACKORDERED);
        assertThat(stocks.find(Stock.idOf("D-NS-A", "NOSPLIT-1")).orElseThrow().reserved())
                .isZero();
        assertThat(stocks.find(Stock.idOf("D-NS-B", "NOSPLIT-1")).orElseThrow().reserved())
                .isZero();
    }
}
