package dev.aftersales.chassis.clock;

import dev.aftersales.chassis.ChassisAutoConfiguration;
import dev.aftersales.chassis.ChassisProperties;
import dev.aftersales.chassis.events.ConsumerLag;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.chassis.time.Sweeps;
import dev.aftersales.chassis.time.WallClock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The platform clock of the local stack (profile {@code local} only): the business clock becomes
 * wall time plus the platform's offset, followed from the shared clock document, with the
 * {@code /admin/clock} door, the {@code Aftersales-Clock} header and a readiness check that waits
 * until the platform time is known. Nothing of it exists outside {@code local}.
 */
@AutoConfiguration(before = ChassisAutoConfiguration.class)
@Profile("local")
@EnableConfigurationProperties(PlatformClockProperties.class)
public class PlatformClockConfiguration {

    @Bean
    WallClock wallClock() {
        return WallClock.system();
    }

    @Bean
    PlatformClock clock(WallClock wallClock) {
        return new PlatformClock(wallClock);
    }

    @Bean
    PlatformClockStore platformClockStore(MongoDatabaseFactory databases) {
        return new PlatformClockStore(databases);
    }

    @Bean
    PlatformClockFollower platformClockFollower(
            ChassisProperties chassis,
            PlatformClock clock,
            PlatformClockStore store,
            Sweeps sweeps,
            OutboxRelay relay,
            ConsumerLag lag,
            WallClock wallClock) {
        return new PlatformClockFollower(
                chassis.service(),
                clock,
                store,
                sweeps,
                () -> !relay.hasUnpublished() && lag.records() == 0,
                wallClock);
    }

    @Bean
    AdvancePlatformClock advancePlatformClock(
            PlatformClockStore store, PlatformClock clock, WallClock wallClock, PlatformClockProperties properties) {
        return new AdvancePlatformClock(
                store,
                clock,
                wallClock,
                properties.services(),
                properties.minStep(),
                properties.stepTimeout(),
                properties.maxSteps());
    }

    @Bean
    PlatformClockController platformClockController(
            PlatformClock clock,
            PlatformClockStore store,
            PlatformClockFollower follower,
            AdvancePlatformClock advance,
            ChassisProperties chassis) {
        return new PlatformClockController(clock, store, follower, advance, chassis.service());
    }

    @Bean
    FilterRegistrationBean<ClockHeaderFilter> clockHeaderFilter(PlatformClock clock) {
        var registration = new FilterRegistrationBean<>(new ClockHeaderFilter(clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** In the readiness group (chassis-defaults-local.properties): not ready before the platform time is known. */
    @Bean
    HealthIndicator platformClockHealthIndicator(PlatformClockFollower follower) {
        return () -> follower.learned()
                ? Health.up().build()
                : Health.down().withDetail("platformClock", "not learned yet").build();
    }
}
