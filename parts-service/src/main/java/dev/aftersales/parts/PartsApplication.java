package dev.aftersales.parts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stock per location and the reservations that hold it for visits: parts are reserved where the
 * technician is, or backordered, and consumed when the visit is completed.
 */
@SpringBootApplication
public class PartsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartsApplication.class, args);
    }
}
