package dev.aftersales.parts.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.reservation.domain.SupplyChain.Supplier;
import dev.aftersales.parts.stock.domain.Stock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SupplyChainTest {

    static final String PART = "FLT-RO-01";

    /** Shanghai's technician; Hangzhou is about 165 km away, Beijing about 1070 km. */
    static final Map<String, Location> MASTER = Map.of(
            "D-SH", new Location("D-SH", LocationKind.DEALER, "310115", 31.22, 121.54, null),
            "D-HZ", new Location("D-HZ", LocationKind.DEALER, "330106", 30.27, 120.15, null),
            "D-BJ", new Location("D-BJ", LocationKind.DEALER, "110105", 39.90, 116.40, null),
            "F-SLOW", new Location("F-SLOW", LocationKind.FACTORY, "440300", null, null, Duration.ofDays(10)),
            "F-FAST", new Location("F-FAST", LocationKind.FACTORY, "440300", null, null, Duration.ofDays(5)));

    static final Function<String, Location> LOCATIONS = id -> MASTER.getOrDefault(id, Location.unknownDealer(id));

    static Stock line(String locationId, int available) {
        var line = Stock.open(locationId, PART);
        line.setOnHand(available, 0);
        return line;
    }

    @Test
    void the_chain_tries_the_own_dealer_then_the_other_dealers_nearest_first_then_factories_by_lead_time() {
        var chain = SupplyChain.of(
                "D-SH",
                List.of(
                        line("F-SLOW", 9),
                        line("D-BJ", 2),
                        line("D-NOBODY", 4),
                        line("F-FAST", 9),
                        line("D-HZ", 1),
                        line("D-SH", 1)),
                LOCATIONS);

        assertThat(chain.suppliers())
                .extracting(s -> s.line().locationId(), Supplier::source)
                .containsExactly(
                        tuple("D-SH", ReservationSource.OWN_DEALER),
                        tuple("D-HZ", ReservationSource.TRANSFER),
                        tuple("D-BJ", ReservationSource.TRANSFER),
                        tuple("D-NOBODY", ReservationSource.TRANSFER),
                        tuple("F-FAST", ReservationSource.FACTORY),
                        tuple("F-SLOW", ReservationSource.FACTORY));
    }

    @Test
    void lines_without_units_available_are_not_on_the_chain() {
        var chain = SupplyChain.of("D-SH", List.of(line("D-SH", 0), line("D-HZ", 0), line("D-BJ", 2)), LOCATIONS);

        assertThat(chain.suppliers()).extracting(s -> s.line().locationId()).containsExactly("D-BJ");
    }

    @Test
    void a_request_goes_whole_to_the_first_location_that_has_all_of_it_else_the_locations_count_together() {
        var chain = SupplyChain.of(
                "D-SH", List.of(line("D-SH", 1), line("D-HZ", 1), line("D-BJ", 3), line("F-FAST", 2)), LOCATIONS);

        assertThat(chain.firstWithAll(1).orElseThrow().line().locationId()).isEqualTo("D-SH");
        assertThat(chain.firstWithAll(3).orElseThrow().line().locationId()).isEqualTo("D-BJ");
        assertThat(chain.firstWithAll(4)).isEmpty();
        assertThat(chain.available()).isEqualTo(7);
    }
}
