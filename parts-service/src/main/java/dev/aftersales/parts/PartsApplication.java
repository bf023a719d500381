package dev.aftersales.parts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
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
}
