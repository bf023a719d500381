package dev.aftersales.parts;

import dev.aftersales.parts.reservation.domain.ReservationTerms;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Stock per location and the reservations that hold it for visits: parts are reserved at the
 * technician's dealer, moved from the nearest other dealer, ordered from the factory, or
 * backordered; consumed when the visit is completed, released when not used in time.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PartsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartsApplication.class, args);
    }

    /** When reserved units are ready and how long they are held, from the settings. */
    @Bean
    ReservationTerms reservationTerms(PartsProperties properties) {
        return new ReservationTerms(
                properties.transferTime(),
                properties.factoryLeadTime(),
                properties.expiryGrace(),
                properties.holdWithoutAppointment());
    }
}
