package dev.aftersales.dispatch;

import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.FeeSchedule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The dispatch service: the archive of who installed which machine, and the assignment of every
 * registered case to a technician, the original installer first. Timers (offers, appointment
 * windows) are due times in the assignments, fired by periodic sweeps.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(DispatchProperties.class)
public class DispatchApplication {

    public static void main(String[] args) {
        SpringApplication.run(DispatchApplication.class, args);
    }

    @Bean
    AssignmentPolicy assignmentPolicy(
            Installations installations,
            Technicians technicians,
            ServicePoints servicePoints,
            DispatchProperties properties) {
        return new AssignmentPolicy(
                installations,
                technicians,
                servicePoints,
                properties.maxServicePointKm(),
                properties.maxCentreKm(),
                properties.businessZone());
    }

    @Bean
    FeeSchedule feeSchedule(DispatchProperties properties) {
        var fees = properties.fees();
        return new FeeSchedule(fees.doorFee(), fees.labour(), fees.labourByKind());
    }

    @Bean
    WarrantyPolicy warrantyPolicy(DispatchProperties properties) {
        var warranty = properties.warranty();
        return new WarrantyPolicy(warranty.defaults(), warranty.productLineTerms(), warranty.modelTerms());
    }
}
