package dev.aftersales.parts.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.reservation.domain.SupplyChain.Supplier;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReservationTermsTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final ReservationTerms TERMS =
            new ReservationTerms(Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(24), Duration.ofHours(72));
    static final PartsRequest REQUEST = new PartsRequest("RQ-1", "C-1", "ASG-C-1", "D-SH", "FLT-RO-01", 2);

    static Supplier at(Location location) {
        return Supplier.of(Stock.open(location.id(), "FLT-RO-01"), location, "D-SH");
    }

    @Test
    void units_of_the_own_dealer_are_ready_now_and_held_until_the_appointment_end_plus_the_grace() {
        var own = TERMS.reservation(
                REQUEST, at(Location.unknownDealer("D-SH")), 2, Optional.of(NOW.plus(Duration.ofDays(3))), NOW, false);

        assertThat(own.source()).isEqualTo(ReservationSource.OWN_DEALER);
        assertThat(own.readyAt()).isEqualTo(NOW);
        assertThat(own.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(4)));
        assertThat(own.transferId()).isNull();
    }

    @Test
    void a_transfer_is_ready_after_the_transfer_time_and_names_its_sender_when_it_is_a_portion() {
        var whole = TERMS.reservation(REQUEST, at(Location.unknownDealer("D-HZ")), 2, Optional.empty(), NOW, false);
        var portion = TERMS.reservation(REQUEST, at(Location.unknownDealer("D-HZ")), 1, Optional.empty(), NOW, true);

        assertThat(whole.readyAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(whole.transferId()).isEqualTo("TR-RQ-1");
        assertThat(whole.transferFrom()).isEqualTo("D-HZ");
        assertThat(whole.transferTo()).isEqualTo("D-SH");
        assertThat(whole.transferStatus()).isEqualTo(TransferStatus.REQUESTED);
        assertThat(whole.travelsAsWholeRequest()).isTrue();
        assertThat(portion.transferId()).isEqualTo("TR-RQ-1-D-HZ");
        assertThat(portion.travelsAsWholeRequest()).isFalse();
        // without an appointment: held from now
        assertThat(whole.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
    }

    @Test
    void factory_units_are_ready_after_its_lead_time_and_never_expire_before_ready_plus_the_grace() {
        var factory = new Location("F-1", LocationKind.FACTORY, null, null, null, Duration.ofDays(5));
        var appointmentTomorrow = Optional.of(NOW.plus(Duration.ofDays(1)));

        var reservation = TERMS.reservation(REQUEST, at(factory), 2, appointmentTomorrow, NOW, false);

        assertThat(reservation.source()).isEqualTo(ReservationSource.FACTORY);
        assertThat(reservation.readyAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(reservation.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(6)));
        assertThat(TERMS.expiresAfterAppointment(NOW.plus(Duration.ofDays(8)), reservation.readyAt()))
                .isEqualTo(NOW.plus(Duration.ofDays(9)));
    }
}
